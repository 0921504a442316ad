package dev.runtimeservice.manager.kubernetes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("runtime.backend")
public record BackendProperties(
        @NotNull
        @Pattern(regexp = "local|kubernetes", message = "must be local or kubernetes (RUNTIME_BACKEND)")
        @DefaultValue("local")
        String kind,

        @NotBlank @DefaultValue("default") String namespace,
        @DefaultValue("") String managerUrl,

        @NotNull @DurationMin(millis = 10) @DefaultValue("1s")
        Duration pollInterval) {

    public boolean kubernetes() {
        return kind.equals("kubernetes");
    }

    /** The manager's URL as the agents' pods reach it. */
    public String managerUrlInCluster() {
        return managerUrl.isBlank() ? "http://runtime-manager." + namespace + ".svc:8000" : managerUrl;
    }
}
