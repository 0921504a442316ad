package dev.runtimeservice.agent.sdk.card;

import dev.runtimeservice.agent.sdk.identity.AgentIdentity;
import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.lifecycle.AgentRuntime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the agent card endpoint, listing every {@link AgentSkill} bean in order. */
@Configuration(proxyBeanMethods = false)
public class CardConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public CardConfiguration() {
    }

    @Bean
    AgentCardController agentCardController(AgentIdentity identity, AgentRuntime runtime,
            ObjectProvider<AgentSkill> skills) {
        return new AgentCardController(identity, runtime, skills.orderedStream().toList());
    }
}
