package dev.runtimeservice.agent.sdk.a2a;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The A2A JSON-RPC 2.0 binding at {@value #PATH}: every call answers 200 with a result or the protocol's error
 * object (never a 500, never a stack trace); the streaming methods answer with server-sent events.
 */
@RestController
class JsonRpcController {

    static final String PATH = "/a2a";

    private final JsonRpcMethods methods;
    private final JsonMapper json;

    JsonRpcController(JsonRpcMethods methods, JsonMapper json) {
        this.methods = methods;
        this.json = json;
    }

    @PostMapping(PATH)
    void call(
            @RequestBody(required = false) byte @Nullable [] body,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, InterruptedException {
        JsonNode id = NullNode.getInstance();
        try {
            JsonNode call = parse(body);
            id = call.path("id").isMissingNode() ? NullNode.getInstance() : call.get("id");
            String method = checked(call);
            Versions.check(request.getHeader(Versions.HEADER), request.getParameter(Versions.HEADER));
            Object result = methods.call(method, call.path("params"));
            if (result instanceof Subscription subscription) {
                JsonNode streamId = id;
                EventStream.write(
                        subscription,
                        response,
                        event -> json.writeValueAsString(success(streamId, methods.streamed(method, event))));
                return;
            }
            write(response, success(id, result));
        } catch (A2aException e) {
            write(response, failure(id, e));
        }
    }

    private JsonNode parse(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            throw A2aException.invalidRequest("The body is empty: send a JSON-RPC 2.0 request "
                    + "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"SendMessage\", \"params\": {...}}.");
        }
        try {
            return json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw A2aException.parseError(
                    "The body is not JSON (" + e.getOriginalMessage() + "); send a JSON-RPC 2.0 request.");
        }
    }

    private static String checked(JsonNode call) {
        if (!call.isObject()) {
            throw A2aException.invalidRequest(
                    "A batch or a bare value is not served: send one JSON-RPC request " + "object.");
        }
        if (!"2.0".equals(call.path("jsonrpc").asString(""))) {
            throw A2aException.invalidRequest("\"jsonrpc\" must be \"2.0\".");
        }
        JsonNode id = call.path("id");
        if (!id.isMissingNode() && !id.isString() && !id.isNumber() && !id.isNull()) {
            throw A2aException.invalidRequest("\"id\" must be a string, a number or null.");
        }
        if (!call.path("method").isString() || call.path("method").asString().isBlank()) {
            throw A2aException.invalidRequest("\"method\" is missing: name the A2A method, such as SendMessage.");
        }
        JsonNode params = call.path("params");
        if (!params.isMissingNode() && !params.isObject() && !params.isNull()) {
            throw A2aException.invalidRequest("\"params\" must be an object.");
        }
        return call.path("method").asString();
    }

    private ObjectNode success(JsonNode id, Object result) {
        ObjectNode answer = json.createObjectNode();
        answer.put("jsonrpc", "2.0");
        answer.set("id", id);
        answer.set("result", json.valueToTree(result));
        return answer;
    }

    private ObjectNode failure(JsonNode id, A2aException e) {
        ObjectNode answer = json.createObjectNode();
        answer.put("jsonrpc", "2.0");
        answer.set("id", id);
        ObjectNode error = answer.putObject("error");
        error.put("code", e.code());
        error.put("message", e.getMessage());
        ObjectNode info = error.putArray("data").addObject();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", e.reason());
        info.put("domain", "a2a-protocol.org");
        return answer;
    }

    private void write(HttpServletResponse response, JsonNode answer) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.getOutputStream().write(json.writeValueAsBytes(answer));
    }
}
