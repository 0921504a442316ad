package dev.runtimeservice.agent.gpt4.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.ObjectMapper;

/**
 * When {@code GPT4_SERVER_API_KEY} is set, lets through only generation calls that carry it as
 * {@code Authorization: Bearer <key>}, as OpenAI clients send it; contract endpoints stay open.
 */
final class ApiKeyCheck implements HandlerInterceptor {

    private final byte[] key;
    private final ObjectMapper mapper;

    ApiKeyCheck(String key, ObjectMapper mapper) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.mapper = mapper;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws java.io.IOException {
        String header = request.getHeader("Authorization");
        String given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip()
                : "";
        if (MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED,
                "This agent needs an API "
                        + "key: send the one set in GPT4_SERVER_API_KEY as 'Authorization: Bearer <key>'.");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(problem));
        return false;
    }
}
