package dev.runtimeservice.agent.sdk.skill;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collects the agent's {@link Skill} beans and serves their schemas at {@code GET /skills}. */
@Configuration(proxyBeanMethods = false)
public class SkillConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public SkillConfiguration() {}

    @Bean
    Skills skills(ObjectProvider<Skill<?>> skills) {
        return new Skills(skills.orderedStream().toList());
    }

    @Bean
    SkillsController skillsController(Skills skills) {
        return new SkillsController(skills);
    }
}
