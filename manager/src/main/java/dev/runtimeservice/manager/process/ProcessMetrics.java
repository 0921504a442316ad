package dev.runtimeservice.manager.process;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** CPU and memory use of agent processes, read through OSHI. */
@Component
public class ProcessMetrics {

    private final OperatingSystem os;
    private final Map<Long, OSProcess> previous = new ConcurrentHashMap<>();

    public ProcessMetrics(SystemInfo systemInfo) {
        this.os = systemInfo.getOperatingSystem();
    }

    /**
     * CPU use since the previous sample of the same process (since its start for the first one), in
     * percent of one core, and its resident memory.
     */
    public Optional<Usage> sample(long pid) {
        OSProcess now = os.getProcess((int) pid);
        if (now == null) {
            previous.remove(pid);
            return Optional.empty();
        }
        OSProcess before = previous.put(pid, now);
        double load = before == null ? now.getProcessCpuLoadCumulative() : now.getProcessCpuLoadBetweenTicks(before);
        return Optional.of(new Usage(Math.round(load * 1000) / 10.0, now.getResidentSetSize()));
    }

    /** Forgets an exited process. */
    public void forget(long pid) {
        previous.remove(pid);
    }

    /**
     * One sample.
     *
     * @param cpuPercent CPU time over wall time, in percent of one core
     * @param memoryBytes resident set size
     */
    public record Usage(double cpuPercent, long memoryBytes) {
    }
}
