package dev.runtimeservice.manager.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Waits until an agent's readiness path answers 200. It polls every {@value #INTERVAL_MS} ms, so readiness
 * is seen within tens of milliseconds, and it returns at once if the process exits meanwhile.
 */
@Component
public class ReadinessProbe {

    static final long INTERVAL_MS = 20;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(500))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public Readiness await(AgentProcess process, URI healthUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(healthUrl).timeout(REQUEST_TIMEOUT).GET().build();
        while (true) {
            if (!process.isAlive()) {
                return Readiness.exited(process.onExit().join());
            }
            if (answersOk(request)) {
                return Readiness.ready();
            }
            if (System.nanoTime() >= deadline) {
                return Readiness.timedOut();
            }
            if (exitedWithin(process, INTERVAL_MS)) {
                return Readiness.exited(process.onExit().join());
            }
        }
    }

    private boolean answersOk(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for readiness", e);
        }
    }

    private static boolean exitedWithin(AgentProcess process, long millis) {
        try {
            process.onExit().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for readiness", e);
        }
    }
}
