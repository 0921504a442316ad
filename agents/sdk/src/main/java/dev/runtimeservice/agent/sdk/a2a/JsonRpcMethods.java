package dev.runtimeservice.agent.sdk.a2a;

import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON-RPC methods: the 1.0 names ({@code SendMessage}, ...) and their 0.3 names ({@code message/send}, ...),
 * whose answers are rewritten in 0.3's shapes by {@link LegacyShapes}.
 */
final class JsonRpcMethods {

    private static final Map<String, String> LEGACY_NAMES = Map.of(
            "message/send",
            "SendMessage",
            "message/stream",
            "SendStreamingMessage",
            "tasks/get",
            "GetTask",
            "tasks/cancel",
            "CancelTask",
            "tasks/resubscribe",
            "SubscribeToTask",
            "tasks/list",
            "ListTasks");

    private static final Set<String> PUSH_METHODS = Set.of(
            "CreateTaskPushNotificationConfig",
            "GetTaskPushNotificationConfig",
            "ListTaskPushNotificationConfigs",
            "DeleteTaskPushNotificationConfig",
            "tasks/pushNotificationConfig/set",
            "tasks/pushNotificationConfig/get",
            "tasks/pushNotificationConfig/list",
            "tasks/pushNotificationConfig/delete");

    private final TaskService tasks;
    private final JsonMapper json;

    JsonRpcMethods(TaskService tasks, JsonMapper json) {
        this.tasks = tasks;
        this.json = json;
    }

    /** @return the result, or the {@link Subscription} of a streaming method */
    Object call(String method, JsonNode params) throws InterruptedException {
        boolean legacy = LEGACY_NAMES.containsKey(method);
        String name = LEGACY_NAMES.getOrDefault(method, method);
        Object result = switch (name) {
            case "SendMessage" -> Map.of("task", tasks.send(read(params, Requests.SendMessage.class)));
            case "SendStreamingMessage" -> tasks.stream(read(params, Requests.SendMessage.class));
            case "GetTask" -> {
                Requests.TaskId request = read(params, Requests.TaskId.class);
                yield tasks.get(request.id(), request.historyLength());
            }
            case "ListTasks" -> tasks.list(read(params, Requests.ListTasks.class));
            case "CancelTask" ->
                tasks.cancel(read(params, Requests.TaskId.class).id());
            case "SubscribeToTask" ->
                tasks.subscribe(read(params, Requests.TaskId.class).id());
            case "GetExtendedAgentCard", "agent/getAuthenticatedExtendedCard" ->
                throw A2aException.extendedCardNotConfigured();
            default ->
                throw PUSH_METHODS.contains(method)
                        ? A2aException.pushNotificationNotSupported()
                        : A2aException.methodNotFound("No method " + method + " here; the A2A methods served are "
                                + "SendMessage, SendStreamingMessage, GetTask, ListTasks, CancelTask and "
                                + "SubscribeToTask (and their 0.3 names, such as message/send).");
        };
        if (legacy && !(result instanceof Subscription)) {
            return LegacyShapes.result(json.valueToTree(result));
        }
        return result;
    }

    /** One streamed event, in the method's version's shape. */
    Object streamed(String method, StreamResponse event) {
        return LEGACY_NAMES.containsKey(method) ? LegacyShapes.event(json.valueToTree(event)) : event;
    }

    private <T> T read(JsonNode params, Class<T> type) {
        if (params.isMissingNode() || params.isNull()) {
            throw A2aException.invalidParams(
                    "\"params\" is missing; see the method's parameters in the A2A " + "specification (a2a.proto).");
        }
        try {
            return json.treeToValue(params, type);
        } catch (JacksonException e) {
            throw A2aException.invalidParams("The params do not fit the method: " + e.getOriginalMessage() + ".");
        }
    }
}
