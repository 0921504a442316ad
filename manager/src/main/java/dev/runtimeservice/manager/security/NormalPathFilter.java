package dev.runtimeservice.manager.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses paths that are not in normal form ({@code /actuator/health/../x}, {@code //}, encoded dots, slashes or
 * backslashes, {@code ;} parameters) with a 400, before anything else: the filters check the raw path while the
 * container maps the normalised one, and such paths only ever come from probes or mistakes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NormalPathFilter extends OncePerRequestFilter {

    private static final List<String> FORBIDDEN =
            List.of("//", "/./", "/../", "\\", ";", "%2e", "%2f", "%5c", "%00", "%25");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String lower = path.toLowerCase(Locale.ROOT);
        if (FORBIDDEN.stream().anyMatch(lower::contains) || lower.endsWith("/.") || lower.endsWith("/..")) {
            Problems.write(
                    response,
                    400,
                    "Invalid request",
                    "The path is not in normal form: it must not hold '.' "
                            + "or '..' segments, '//', ';', backslashes or encoded dots, slashes or percent signs. Send the "
                            + "path as it is meant, such as /actuator/health.",
                    null);
            return;
        }
        chain.doFilter(request, response);
    }
}
