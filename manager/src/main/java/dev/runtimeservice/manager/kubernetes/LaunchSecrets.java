package dev.runtimeservice.manager.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads back what a launch's Secret holds, for a manager that takes the launch over: the manager that made it may be
 * gone with its disk, and the Secret is then the one copy of the launch's token and resources file.
 */
final class LaunchSecrets {

    private final KubernetesClient client;
    private final String namespace;

    LaunchSecrets(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** The launch's token; empty if its Secret is gone. */
    Optional<String> token(AgentObjects names) {
        return value(names, PodSpecs.TOKEN_KEY).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The launch's resources file, as the manager wrote it at launch; empty if its Secret is gone. */
    Optional<byte[]> resourcesFile(AgentObjects names) {
        return value(names, PodSpecs.RESOURCES_KEY);
    }

    private Optional<byte[]> value(AgentObjects names, String key) {
        Secret secret =
                client.secrets().inNamespace(namespace).withName(names.secret()).get();
        return Optional.ofNullable(secret)
                .map(Secret::getData)
                .map(data -> data.get(key))
                .map(Base64.getDecoder()::decode);
    }
}
