package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.gpt4.generation.GenerationService;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds a {@code generation} field to the SDK's {@code GET /status}: which provider serves, or how
 * to configure one; never a key. (The SDK has no hook for this yet; see the README.)
 */
@RestControllerAdvice
class StatusGenerationAdvice implements ResponseBodyAdvice<Object> {

    private final GenerationService generation;
    private final ObjectMapper mapper;

    StatusGenerationAdvice(GenerationService generation, ObjectMapper mapper) {
        this.generation = generation;
        this.mapper = mapper;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return "status".equals(returnType.getExecutable().getName())
                && returnType.getContainingClass().getName().startsWith("dev.runtimeservice.agent.sdk.");
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null || !"/status".equals(request.getURI().getPath())) {
            return body;
        }
        JsonNode tree = mapper.valueToTree(body);
        if (!(tree instanceof ObjectNode status)) {
            return body;
        }
        status.set("generation", mapper.valueToTree(generation.status()));
        return status;
    }
}
