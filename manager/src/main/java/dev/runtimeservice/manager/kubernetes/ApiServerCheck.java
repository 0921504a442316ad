package dev.runtimeservice.manager.kubernetes;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Asks the API server for one pod of the namespace before the manager goes on, so that a manager that cannot reach
 * its cluster, or may not read it, stops at start with what to do, instead of a chain of exceptions from the first
 * bean that lists pods. The check makes one attempt: fabric8's retries (kept for the manager's own client, which
 * rides out an API server's brief outage) would only make a wrong address take longer to report.
 */
final class ApiServerCheck {

    private ApiServerCheck() {}

    static void check(Config config, String namespace) {
        Config once = new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(once).build()) {
            client.pods()
                    .inNamespace(namespace)
                    .list(new ListOptionsBuilder().withLimit(1L).build());
        } catch (KubernetesClientException e) {
            throw new KubernetesUnreachableException(config.getMasterUrl(), namespace, e);
        }
    }
}
