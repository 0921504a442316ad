package dev.runtimeservice.agent.orchestrator.instructions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /instructions}.
 *
 * @param text the instruction, Spanish or English
 * @param execute whether to call the chosen skill too (default false)
 */
record InstructionRequest(
        @NotBlank(message = "give the instruction as a non-empty 'text'")
        @Size(max = 8000, message = "'text' may have at most 8000 characters")
        @Nullable
        String text,

        @Nullable Boolean execute) {

    boolean executes() {
        return Boolean.TRUE.equals(execute);
    }
}
