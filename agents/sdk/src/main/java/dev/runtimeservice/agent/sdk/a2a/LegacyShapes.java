package dev.runtimeservice.agent.sdk.a2a;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites 1.0 answers in the shapes of A2A 0.3, for clients that call the 0.3 method names: objects carry a
 * {@code kind}, states and roles are lower-case words, a send answers the task itself, and status updates say
 * whether they are {@code final}.
 */
final class LegacyShapes {

    private LegacyShapes() {}

    static JsonNode result(JsonNode result) {
        if (result.has("task")) {
            return task((ObjectNode) result.get("task"));
        }
        if (result.has("id") && result.has("status")) {
            return task((ObjectNode) result);
        }
        if (result.has("tasks")) {
            result.get("tasks").forEach(t -> task((ObjectNode) t));
        }
        return result;
    }

    static JsonNode event(JsonNode event) {
        if (event.has("task")) {
            return task((ObjectNode) event.get("task"));
        }
        if (event.has("statusUpdate")) {
            ObjectNode update = (ObjectNode) event.get("statusUpdate");
            status((ObjectNode) update.get("status"));
            String state = update.get("status").get("state").asString();
            update.put("final", !"working".equals(state) && !"submitted".equals(state));
            update.put("kind", "status-update");
            return update;
        }
        ObjectNode update = (ObjectNode) event.get("artifactUpdate");
        parts(update.get("artifact").get("parts"));
        update.put("kind", "artifact-update");
        return update;
    }

    private static ObjectNode task(ObjectNode task) {
        task.put("kind", "task");
        status((ObjectNode) task.get("status"));
        if (task.has("history")) {
            task.get("history").forEach(m -> message((ObjectNode) m));
        }
        if (task.has("artifacts")) {
            task.get("artifacts").forEach(a -> parts(a.get("parts")));
        }
        return task;
    }

    private static void status(ObjectNode status) {
        String state = status.get("state").asString().replace("TASK_STATE_", "");
        status.put("state", state.toLowerCase(Locale.ROOT).replace('_', '-'));
        if (status.has("message")) {
            message((ObjectNode) status.get("message"));
        }
    }

    private static void message(ObjectNode message) {
        message.put("kind", "message");
        message.put(
                "role", message.path("role").asString("").replace("ROLE_", "").toLowerCase(Locale.ROOT));
        parts(message.get("parts"));
    }

    private static void parts(JsonNode parts) {
        if (parts instanceof ArrayNode array) {
            array.forEach(p -> ((ObjectNode) p).put("kind", p.has("text") ? "text" : p.has("data") ? "data" : "file"));
        }
    }
}
