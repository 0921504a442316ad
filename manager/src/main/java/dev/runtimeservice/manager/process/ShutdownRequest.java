package dev.runtimeservice.manager.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The first step of every stop, wherever the agent runs: a GET of its shutdown endpoint with its launch token. The
 * agent then ends by itself; what follows (SIGTERM, a pod's deletion) is the host's.
 */
public final class ShutdownRequest {

    /** Header carrying the agent's launch token on its shutdown request. */
    public static final String TOKEN_HEADER = "X-Agent-Token";

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

    private final Duration connectTimeout;
    private volatile @Nullable HttpClient client;
    private final UnaryOperator<HttpRequest.Builder> headers;

    /**
     * @param connectTimeout how long to try to reach the agent: short on this machine, longer across a cluster
     * @param headers adds headers to each request, such as the current trace's
     */
    public ShutdownRequest(Duration connectTimeout, UnaryOperator<HttpRequest.Builder> headers) {
        // Its client is made at the first stop: one made at boot held a selector thread for nothing until then.
        this.connectTimeout = connectTimeout;
        this.headers = headers;
    }

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = AgentHttp.withConnectTimeout(connectTimeout);
                    client = made;
                }
            }
        }
        return made;
    }

    /** Asks the agent to shut down; true if it accepted (2xx), false if it refused, did not answer or is gone. */
    public boolean send(URI shutdownUrl, String token) {
        HttpRequest request = headers.apply(HttpRequest.newBuilder(shutdownUrl))
                .timeout(ANSWER_TIMEOUT)
                .header(TOKEN_HEADER, token)
                .GET()
                .build();
        try {
            int status = client().send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
