package dev.runtimeservice.manager.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection of a request whose body was left unread (refused by a filter, say) once it is answered.
 * Tomcat would otherwise read the rest of the body before the next request, on a thread, for as long as a slow
 * client takes to send it: 200 such clients held every thread and froze even health.
 */
class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
                closeIfBodyUnread(request, response);
            }
        }
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
            // That error is the connection's, not the request's, whose answer is sent: marked as reported, it keeps
            // the host from dispatching the error page as well, which would write a second answer (and a stack
            // trace) over the first, or parse the unread body of a multipart request.
            response.setErrorReported();
        }
    }
}
