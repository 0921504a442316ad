package dev.runtimeservice.manager.kubernetes;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The names and labels of the objects the manager makes for one launch. The Service keeps one name per agent, so
 * its URL stays the same across launches; the pod and the Secret are named for the launch.
 */
record AgentObjects(String agent, String launchId) {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "runtime-manager";
    static final String AGENT_LABEL = "runtime-service/agent";
    static final String LAUNCH_LABEL = "runtime-service/launch";
    static final String PORT_ANNOTATION = "runtime-service/port";
    /** The selector of every object this manager makes. */
    static final Map<String, String> SELECTOR = Map.of(MANAGED_BY, MANAGER);

    /** The agent's Service: {@code agent-<name>}, with '_' (which DNS names cannot hold) made '-' plus a digest. */
    String service() {
        if (agent.indexOf('_') < 0) {
            return cut("agent-" + agent);
        }
        String digest = HexFormat.of().toHexDigits(agent.hashCode());
        return cut("agent-" + agent.replace('_', '-')) + "-" + digest.substring(0, 6);
    }

    String pod() {
        return service() + "-" + launchId.substring(0, Math.min(8, launchId.length()));
    }

    String secret() {
        return pod() + "-resources";
    }

    Map<String, String> labels() {
        return Map.of(
                MANAGED_BY,
                MANAGER,
                "app.kubernetes.io/name",
                agent.replace('_', '-'),
                "app.kubernetes.io/component",
                "agent",
                AGENT_LABEL,
                agent,
                LAUNCH_LABEL,
                launchId);
    }

    /** The launch a labelled object belongs to; empty when it lacks either label. */
    static Optional<AgentObjects> of(Map<String, String> labels) {
        String agent = labels.get(AGENT_LABEL);
        String launch = labels.get(LAUNCH_LABEL);
        return agent == null || launch == null ? Optional.empty() : Optional.of(new AgentObjects(agent, launch));
    }

    /** Room for the pod's suffix (9) and the digest (7) within the 63 characters of a DNS label. */
    private static String cut(String name) {
        String cut = name.length() > 47 ? name.substring(0, 47) : name;
        return cut.endsWith("-") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
