package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.config.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where agents run: {@code RUNTIME_BACKEND} ({@code local}, the default, or {@code kubernetes}) and, for Kubernetes,
 * the namespace and the addresses agents reach the manager at.
 *
 * @param kind {@code local} or {@code kubernetes} ({@code RUNTIME_BACKEND})
 * @param namespace the namespace agents run in ({@code RUNTIME_NAMESPACE})
 * @param managerUrl the manager's URL as agents in the cluster reach it ({@code RUNTIME_MANAGER_URL}); empty means
 *     {@code http://runtime-manager.<namespace>.svc:8000}, the Service of {@code deploy/kubernetes}
 * @param pollInterval how soon the manager asks again for a pod's log that could not be opened yet (its container
 *     had not started) or that ended with a container Kubernetes restarts; the pods' state is watched, not polled
 */
@ConfigurationProperties("runtime.backend")
public record BackendProperties(
        @DefaultValue("local") String kind,

        @DefaultValue("default") String namespace,
        @DefaultValue("") String managerUrl,

        @DefaultValue("1s") Duration pollInterval) {

    public BackendProperties {
        SettingChecks.require(
                "runtime.backend.kind",
                "local".equals(kind) || "kubernetes".equals(kind),
                "must be local or kubernetes",
                kind);
        SettingChecks.notBlank("runtime.backend.namespace", namespace);
        SettingChecks.atLeast("runtime.backend.poll-interval", pollInterval, Duration.ofMillis(10));
    }

    public boolean kubernetes() {
        return kind.equals("kubernetes");
    }

    /** The manager's URL as the agents' pods reach it. */
    public String managerUrlInCluster() {
        return managerUrl.isBlank() ? "http://runtime-manager." + namespace + ".svc:8000" : managerUrl;
    }
}
