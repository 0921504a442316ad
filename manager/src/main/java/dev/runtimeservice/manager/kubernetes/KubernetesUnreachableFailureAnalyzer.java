package dev.runtimeservice.manager.kubernetes;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link KubernetesUnreachableException} as a start-up message saying what to do. */
class KubernetesUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<KubernetesUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KubernetesUnreachableException cause) {
        String action = cause.status() == 401 || cause.status() == 403
                ? "Give the manager's identity the rights of deploy/kubernetes/rbac.yaml in that namespace (in a pod: "
                        + "its ServiceAccount and RoleBinding; outside: the user of your kubeconfig), or set "
                        + "RUNTIME_NAMESPACE to a namespace it may use."
                : "Run the manager in the cluster (deploy/kubernetes/manager.yaml), or point it at one with KUBECONFIG "
                        + "(or ~/.kube/config) and check that `kubectl get pods` works from here; to run agents on "
                        + "this machine instead, leave RUNTIME_BACKEND unset (local).";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
