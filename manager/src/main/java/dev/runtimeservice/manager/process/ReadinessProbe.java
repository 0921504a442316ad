package dev.runtimeservice.manager.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Waits until an agent's readiness path answers 200. It polls every {@value #INTERVAL_MS} ms, so readiness
 * is seen within tens of milliseconds, and it returns at once if the process exits meanwhile. A 200 from a process
 * outside the agent's tree that took its port is not the agent's (see {@link PortOwner}).
 */
@Component
@Lazy // made only with the local host: not at all when agents run as pods (kubernetes.AgentHostChoice)
class ReadinessProbe {

    static final long INTERVAL_MS = 20;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int CONNECT_TIMEOUT_MS = 500;

    Readiness await(LocalAgentProcess process, URI healthUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request =
                HttpRequest.newBuilder(healthUrl).timeout(REQUEST_TIMEOUT).GET().build();
        boolean listening = healthUrl.getPort() < 0;
        while (true) {
            if (!process.isAlive()) {
                return Readiness.exited(process.onExit().join());
            }
            // Until the port accepts connections, a bare connect says "not yet" for a small part of the CPU of a
            // failed HTTP call (exceptions wrapped and rethrown across the client's threads), and agents starting
            // together on few cores share that CPU with the manager: about 150 polls per agent start.
            listening = listening || accepts(healthUrl);
            if (listening && answersOk(request)) {
                boolean taken = healthUrl.getPort() > 0
                        && PortOwner.of(healthUrl.getPort(), process.tree()) == PortOwner.Owner.OTHER;
                return taken ? Readiness.portTaken() : Readiness.ready();
            }
            if (System.nanoTime() >= deadline) {
                return Readiness.timedOut();
            }
            if (exitedWithin(process, INTERVAL_MS)) {
                return Readiness.exited(process.onExit().join());
            }
        }
    }

    private static boolean accepts(URI url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private boolean answersOk(HttpRequest request) {
        try {
            return AgentHttp.client()
                            .send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for readiness", e);
        }
    }

    private static boolean exitedWithin(LocalAgentProcess process, long millis) {
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
