package dev.runtimeservice.manager.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Keeps slow clients from taking every Tomcat thread. A thread that waits for a request body is held until it
 * arrives, so one client may be sending at most {@code runtime.security.max-bodies-per-client} bodies at once;
 * beyond that it gets a 429 at once. And a request whose body was left unread (refused by a filter, say) closes
 * its connection when answered, instead of Tomcat waiting, on a thread, for the rest of a body that may never
 * come. GETs, such as health, have no body and pass freely.
 */
class BodySlotsValve extends ValveBase {

    private final int maxBodiesPerClient;
    private final ConcurrentHashMap<String, Integer> sending = new ConcurrentHashMap<>();

    BodySlotsValve(int maxBodiesPerClient) {
        super(true);
        this.maxBodiesPerClient = maxBodiesPerClient;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!hasBody(request)) {
            getNext().invoke(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        int count = sending.merge(client, 1, Integer::sum);
        try {
            if (count > maxBodiesPerClient) {
                Problems.write(response, 429, "Too many requests", "This client is already sending "
                        + maxBodiesPerClient + " request bodies (runtime.security.max-bodies-per-client); finish "
                        + "those before sending more.", null);
            } else {
                getNext().invoke(request, response);
            }
        } finally {
            sending.computeIfPresent(client, (key, value) -> value == 1 ? null : value - 1);
            closeIfBodyUnread(request, response);
        }
    }

    private static boolean hasBody(Request request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static void closeIfBodyUnread(Request request, Response response) throws IOException {
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        // Only for an answer the application wrote: one sent with sendError gets Tomcat's error page after this.
        if (!fullyRead.get() && !request.isAsync() && !response.isError()) {
            // Send the whole answer first: once swallowing is off, Tomcat takes the exchange for an error, and would
            // drop what is still buffered.
            response.finishResponse();
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
