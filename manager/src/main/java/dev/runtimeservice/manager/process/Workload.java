package dev.runtimeservice.manager.process;

import org.jspecify.annotations.Nullable;

/**
 * What a host that runs agents as containers needs beyond a process's argv: the image, the probes and the resources
 * file. The local host ignores it.
 *
 * @param image the container image ({@code image:} in agent.yml), or null when the agent has none
 * @param port the port the agent listens on, also its Service's port
 * @param readinessPath the path that answers 200 once the agent is ready
 * @param livenessPath the path that answers 200 while the agent is alive
 * @param restart the agent's restart policy as agent.yml names it: never, on-failure or always
 * @param resourcesFile the launch's resources file ({@code resources.json}), which such a host hands to the container
 *     itself; nothing of it is written on the manager's disk (a catalog folder may be read-only, a ConfigMap)
 */
public record Workload(
        @Nullable String image,
        int port,
        String readinessPath,
        String livenessPath,
        String restart,
        byte[] resourcesFile) {

    /** Without the resources file, which holds the launch's secrets. */
    @Override
    public String toString() {
        return "Workload[image=" + image + ", port=" + port + ", readinessPath=" + readinessPath + ", livenessPath="
                + livenessPath + ", restart=" + restart + ", resourcesFile=" + resourcesFile.length + " bytes]";
    }
}
