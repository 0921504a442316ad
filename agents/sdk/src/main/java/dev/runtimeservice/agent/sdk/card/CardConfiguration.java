package dev.runtimeservice.agent.sdk.card;

import dev.runtimeservice.agent.sdk.identity.AgentIdentity;
import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.lifecycle.AgentRuntime;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.Skills;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the agent card endpoint, listing the agent's skills in order. */
@Configuration(proxyBeanMethods = false)
public class CardConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public CardConfiguration() {}

    @Bean
    AgentCardController agentCardController(
            AgentIdentity identity, AgentRuntime runtime, Skills skills, ObjectProvider<AgentSkill> cardOnlySkills) {
        List<AgentSkill> all = new ArrayList<>(cardOnlySkills.orderedStream().toList());
        skills.all().stream().map(Skill::card).forEach(all::add);
        return new AgentCardController(identity, runtime, all);
    }
}
