package dev.runtimeservice.agent.sdk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSkillTests {

    @Test
    void aSkillWithoutModesTakesTheDefaults() {
        AgentSkill skill = new AgentSkill("search", "Search", "Finds documents.", List.of("search"), List.of());

        assertThat(skill.inputModes()).containsExactly("application/json", "text/plain");
        assertThat(skill.outputModes()).containsExactly("application/json", "text/plain");
    }

    @Test
    void blankTextsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AgentSkill(" ", "Search", "Finds.", List.of(), List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new AgentDescriptor(""));
    }
}
