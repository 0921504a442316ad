package dev.runtimeservice.cli.instruct;

import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.cli.client.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code runtime instruct "<text>"}: asks the orchestrator, through the manager, which agent and skill fit. */
@Command(
        name = "instruct",
        description = "Ask the orchestrator (it must run) which agent and skill handle an instruction, in Spanish or "
                + "English; --execute also calls it and prints the answer.")
public final class InstructCommand implements Callable<Integer> {

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Parameters(paramLabel = "TEXT", description = "the instruction")
    @SuppressWarnings("NullAway.Init") // a required parameter, set by picocli
    String text;

    @Option(
            names = {"-x", "--execute"},
            description = "call the chosen agent's skill and print its answer")
    boolean execute;

    @Override
    public Integer call() {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("text", text);
        request.put("execute", execute);
        String answer = root.client().post("/api/instructions", Json.MAPPER.writeValueAsString(request));
        PrintWriter out = root.out();
        if (root.json()) {
            out.println(answer);
        } else {
            print(out, Json.MAPPER.readTree(answer));
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, JsonNode answer) {
        JsonNode choice = answer.path("choice");
        if (choice.isObject()) {
            out.printf(
                    "agent:  %s, skill %s (%s), confidence %.2f%s%n",
                    choice.path("agent").asString(),
                    choice.path("skill").asString(),
                    choice.path("skill_name").asString(),
                    choice.path("confidence").asDouble(),
                    choice.path("running").asBoolean() ? "" : " (not running)");
        } else {
            out.println("agent:  none fits. " + answer.path("no_match").toString());
        }
        out.println("task:   " + answer.path("prompt").path("task").asString(""));
        JsonNode execution = answer.path("execution");
        if (execution.isObject()) {
            out.println("called: " + execution.path("request").asString("") + " -> "
                    + execution.path("status").asInt() + " in "
                    + execution.path("took_ms").asLong() + " ms");
            out.println("answer: " + Json.MAPPER.writeValueAsString(execution.path("answer")));
        }
    }
}
