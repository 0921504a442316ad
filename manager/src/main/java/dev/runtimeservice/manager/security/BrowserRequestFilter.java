package dev.runtimeservice.manager.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps web pages out of the manager. A request must be addressed to a name the manager serves ({@link
 * ServedHosts}), so a page that rebinds its own DNS name to 127.0.0.1 gets nothing. A state-changing call (any
 * method but GET, HEAD and OPTIONS) must not come from another site's page: it is refused when its
 * {@code Origin} is not the manager's own, and when it carries a body of a type a page may send without asking
 * (form or plain text). curl and the SDKs send no {@code Origin}, and a POST without a body needs no type.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BrowserRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> PAGE_CONTENT_TYPES =
            Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");
    private final ServedHosts hosts;

    BrowserRequestFilter(ServedHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            Problems.write(response, 403, "Forbidden", refusal, null);
            return;
        }
        chain.doFilter(request, response);
    }

    private @Nullable String refusal(HttpServletRequest request) {
        String host = request.getServerName();
        if (!hosts.serves(host)) {
            return "This manager does not serve the host name '" + host + "' (Host header). Address it as "
                    + hosts.describe() + ", or add the name to RUNTIME_ALLOWED_HOSTS.";
        }
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !isOwnOrigin(origin, request)) {
            return "Calls that change agents are refused from another site's page (Origin " + origin + "). Call "
                    + "the manager from curl, a program, or its own pages.";
        }
        String type = request.getContentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        // Some HTTP clients (REST Assured, for one) label an empty POST as a form; a page's form always has an Origin.
        boolean emptyBody = request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
        if (PAGE_CONTENT_TYPES.contains(mediaType) && (!emptyBody || origin != null)) {
            return "Calls that change agents do not take " + mediaType + ", which any web page may send: send "
                    + "JSON with Content-Type: application/json, or no body.";
        }
        return null;
    }

    private boolean isOwnOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && hosts.serves(uri.getHost())
                    && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed page or a file), or anything else that is not an origin
        }
    }
}
