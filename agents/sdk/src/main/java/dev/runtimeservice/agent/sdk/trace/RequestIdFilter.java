package dev.runtimeservice.agent.sdk.trace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a safe token, else a new one; puts it
 * in the logging context as {@value #MDC_KEY} while the request runs, echoes it in the answer, and logs one line
 * per request that arrived with an id, so a call traced by another agent shows up in this agent's log.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    /** The header that carries the id, in requests and answers. */
    public static final String HEADER = "X-Request-Id";

    /** The logging context key that holds the id while a request runs. */
    public static final String MDC_KEY = "request_id";

    // Ids end up in log lines: only short tokens without spaces or control characters are taken as they are.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    /** Creates the filter; the SDK registers it for every request. */
    public RequestIdFilter() {}

    /**
     * The id to use for a request.
     *
     * @param given the caller's {@code X-Request-Id}, or {@code null}
     * @return {@code given} when it is 1 to 64 of {@code A-Z a-z 0-9 . _ : -}, else a new random id
     */
    public static String idFor(@Nullable String given) {
        return given != null && SAFE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = idFor(given);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (given != null) {
                log.info(
                        "{} {} answered {} in {} ms",
                        request.getMethod(),
                        request.getRequestURI(),
                        response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            MDC.remove(MDC_KEY);
        }
    }
}
