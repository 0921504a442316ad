package dev.runtimeservice.agent.sdk.testapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.lifecycle.ExitAction;
import dev.runtimeservice.agent.sdk.resources.ResourceConsumer;
import dev.runtimeservice.agent.sdk.resources.ResourceUse;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillCancelledException;
import dev.runtimeservice.agent.sdk.skill.SkillContext;
import dev.runtimeservice.agent.sdk.skill.SkillInputException;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/** A minimal agent built on the SDK, used by the SDK's tests. */
@SpringBootApplication
public class TestAgentApplication {

    /** Exit codes the SDK asked for, instead of ending the test JVM. */
    public static final List<Integer> EXITS = new CopyOnWriteArrayList<>();

    /**
     * Starts the test agent in its own JVM, as the standby tests do.
     *
     * @param args passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(TestAgentApplication.class, args);
    }

    @Bean
    AgentDescriptor descriptor() {
        return new AgentDescriptor("Test agent that echoes nothing.");
    }

    @Bean
    Skill<EchoInput> echoSkill() {
        return Skill.withText(
                new AgentSkill(
                        "echo", "Echo", "Answers with what it was given.", List.of("test"), List.of("echo hello")),
                EchoInput.class,
                EchoOutput.class,
                EchoInput::new,
                (input, context) -> new SkillResult(
                        input.text(),
                        new EchoOutput(input.text(), context.history().size())));
    }

    @Bean
    Skill<CountInput> countSkill() {
        return Skill.withText(
                new AgentSkill(
                        "count",
                        "Count",
                        "Counts from 1 to a number, one number every delay_ms " + "milliseconds, streaming each.",
                        List.of("numbers"),
                        List.of("count to 5")),
                CountInput.class,
                Integer.class,
                text -> new CountInput(Integer.parseInt(text.replaceAll("\\D", "")), 0),
                TestAgentApplication::count);
    }

    private static SkillResult count(CountInput input, SkillContext context) throws InterruptedException {
        if (input.to() > 1000) {
            throw new SkillInputException("to must be at most 1000; ask for a smaller count.");
        }
        int reached = 0;
        for (int n = 1; n <= input.to(); n++) {
            if (context.isCancelled()) {
                COUNTED.add(reached);
                throw new SkillCancelledException("Counted to " + reached + ".");
            }
            context.partial(n + " ");
            reached = n;
            Thread.sleep(input.delayMs());
        }
        COUNTED.add(reached);
        return new SkillResult("counted to " + reached, reached);
    }

    /** The last number each count reached, so a test sees where a cancelled count stopped. */
    public static final List<Integer> COUNTED = new CopyOnWriteArrayList<>();

    /**
     * Input of the echo skill.
     *
     * @param text what to echo
     */
    public record EchoInput(@NotBlank String text) {}

    /**
     * Output of the echo skill.
     *
     * @param echo what was echoed
     * @param earlierTurns how many turns the conversation had before
     */
    public record EchoOutput(
            String echo, @JsonProperty("earlier_turns") int earlierTurns) {}

    /**
     * Input of the count skill.
     *
     * @param to the last number
     * @param delayMs the pause after each number
     */
    public record CountInput(
            @Min(1) int to, @JsonProperty("delay_ms") long delayMs) {}

    @Bean
    ResourceConsumer databaseConsumer() {
        return new ResourceConsumer() {
            @Override
            public boolean handles(String resourceName) {
                return resourceName.equals("database");
            }

            @Override
            public ResourceUse use(String resourceName, JsonNode value) {
                return value.has("url")
                        ? ResourceUse.used("stores echoes")
                        : ResourceUse.unused("the 'url' field is missing");
            }
        };
    }

    @Bean
    ExitAction recordingExit() {
        return EXITS::add;
    }
}
