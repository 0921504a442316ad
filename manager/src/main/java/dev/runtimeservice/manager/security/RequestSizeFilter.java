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
 * Refuses request bodies larger than {@code runtime.security.max-request-bytes} before reading them, and bodies
 * beyond what one client may be sending at once ({@link BodySlots}); gives the others
 * {@code runtime.security.body-timeout} to arrive.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestSizeFilter extends OncePerRequestFilter {

    private final SecurityProperties properties;
    private final BodySlots slots;

    RequestSizeFilter(SecurityProperties properties, BodySlots slots) {
        this.properties = properties;
        this.slots = slots;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > properties.maxRequestBytes() || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
            Problems.write(
                    response,
                    413,
                    "Request too large",
                    "Request bodies are limited to "
                            + properties.maxRequestBytes()
                            + " bytes and must state their Content-Length; send a smaller "
                            + "body.",
                    request.getRequestURI());
            return;
        }
        if (length <= 0) {
            chain.doFilter(request, response);
            return;
        }
        Runnable slot = slots.take(request.getRemoteAddr()).orElse(null);
        if (slot == null) {
            Problems.write(
                    response,
                    429,
                    "Too many requests",
                    "This client is already sending "
                            + slots.maxPerClient()
                            + " request bodies (runtime.security.max-bodies-per-client); wait until "
                            + "they have arrived.",
                    request.getRequestURI());
            return;
        }
        try {
            chain.doFilter(new DeadlineRequest(request, properties.bodyTimeout(), slot), response);
        } finally {
            slot.run();
        }
    }
}
