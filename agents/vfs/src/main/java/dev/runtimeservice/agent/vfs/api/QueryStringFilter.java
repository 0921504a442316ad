package dev.runtimeservice.agent.vfs.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a query string the server cannot decode (such as the overlong UTF-8 {@code %c0%ae}) with a
 * problem that says why, instead of the server's bare 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryStringFilter extends OncePerRequestFilter {

    private static final String DETAIL = "The query string cannot be decoded: a parameter holds percent-encoded "
            + "bytes that are not valid UTF-8 (such as '%c0%ae'). URL-encode the path as UTF-8, exactly once.";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/fs/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"" + DETAIL + "\",\"instance\":\""
                            + request.getRequestURI().replace("\"", "")
                            + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
