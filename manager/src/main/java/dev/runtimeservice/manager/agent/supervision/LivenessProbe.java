package dev.runtimeservice.manager.agent.supervision;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.config.SupervisionProperties;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Probes a running agent's liveness path and counts consecutive failures per launch. */
@Component
class LivenessProbe {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<String, Integer> failuresByLaunch = new ConcurrentHashMap<>();

    /** Probes once; true when the agent has now failed {@code livenessFailures} probes in a row. */
    boolean failedEnough(ManagedAgent agent, SupervisionProperties settings) {
        if (answers(agent, settings.livenessTimeout())) {
            failuresByLaunch.remove(agent.id());
            return false;
        }
        int failures = failuresByLaunch.merge(agent.id(), 1, Integer::sum);
        if (failures >= settings.livenessFailures()) {
            failuresByLaunch.remove(agent.id());
            return true;
        }
        return false;
    }

    private boolean answers(ManagedAgent agent, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(agent.url().resolve(agent.descriptor().livenessPath()))
                .timeout(timeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
