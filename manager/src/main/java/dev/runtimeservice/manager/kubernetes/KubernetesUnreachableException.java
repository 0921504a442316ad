package dev.runtimeservice.manager.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The manager with {@code RUNTIME_BACKEND=kubernetes} could not list pods in its namespace at start. */
final class KubernetesUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    KubernetesUnreachableException(String apiServer, String namespace, KubernetesClientException cause) {
        super(describe(apiServer, namespace, cause), cause);
        this.status = cause.getCode();
    }

    /** The HTTP status the API server answered, or 0 when it gave no answer at all. */
    int status() {
        return status;
    }

    private static String describe(String apiServer, String namespace, KubernetesClientException cause) {
        if (cause.getCode() == 401 || cause.getCode() == 403) {
            return ("RUNTIME_BACKEND=kubernetes: the Kubernetes API server at %s refused to list pods in namespace %s"
                            + " (HTTP %d)")
                    .formatted(apiServer, namespace, cause.getCode());
        }
        if (cause.getCode() > 0) {
            return ("RUNTIME_BACKEND=kubernetes: the Kubernetes API server at %s answered HTTP %d to a list of pods"
                            + " in namespace %s")
                    .formatted(apiServer, cause.getCode(), namespace);
        }
        return "RUNTIME_BACKEND=kubernetes: cannot reach the Kubernetes API server at %s (%s)"
                .formatted(apiServer, rootMessage(cause));
    }

    /**
     * What went wrong below fabric8's "Operation: [list] ... failed": the JDK's HTTP client nests its reason
     * (ConnectException, then ClosedChannelException for a refused connection, UnresolvedAddressException for an
     * unknown host), and no one level says it all.
     */
    private static String rootMessage(Throwable failure) {
        List<String> reasons = new ArrayList<>();
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            boolean wrapper = cause instanceof CompletionException || cause instanceof ExecutionException;
            if (!wrapper && !(cause.getClass() == IOException.class && (message == null || message.isBlank()))) {
                reasons.add(
                        message == null || message.isBlank()
                                ? cause.getClass().getSimpleName()
                                : cause.getClass().getSimpleName() + ": " + message);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return reasons.isEmpty() ? String.valueOf(failure.getMessage()) : String.join(", ", reasons);
    }
}
