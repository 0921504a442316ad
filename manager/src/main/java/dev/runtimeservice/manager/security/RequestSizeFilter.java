package dev.runtimeservice.manager.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code runtime.security.max-request-bytes} before reading them, and gives the
 * others {@code runtime.security.body-timeout} to arrive.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestSizeFilter extends OncePerRequestFilter {

    private final SecurityProperties properties;

    RequestSizeFilter(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > properties.maxRequestBytes() || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
            Problems.write(response, 413, "Request too large", "Request bodies are limited to "
                    + properties.maxRequestBytes() + " bytes and must state their Content-Length; send a smaller "
                    + "body.", request.getRequestURI());
            return;
        }
        chain.doFilter(length > 0 ? new DeadlineRequest(request, properties.bodyTimeout()) : request, response);
    }
}
