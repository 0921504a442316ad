package dev.runtimeservice.manager.process;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * CPU and memory use of agent processes, read through OSHI once a second on a thread of its own. A list request
 * reads the latest sample: reading {@code /proc} for fifty agents on every request would cost milliseconds each.
 * Only {@link LocalProcesses} reads it; everything else asks the {@link AgentHost} for an agent's usage.
 */
@Component
class ProcessMetrics implements DisposableBean {

    private static final long PERIOD_MS = 1000;

    private final OperatingSystem os;
    private final Map<Long, OSProcess> previous = new ConcurrentHashMap<>();
    private final Map<Long, Usage> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "process-metrics");
        thread.setDaemon(true);
        return thread;
    });

    ProcessMetrics(SystemInfo systemInfo) {
        this.os = systemInfo.getOperatingSystem();
        sampler.scheduleWithFixedDelay(this::sampleAll, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling a process; its first sample (CPU since its start) is taken now. */
    void track(long pid) {
        latest.remove(pid);
        previous.remove(pid);
        sample(pid, true);
    }

    /**
     * The latest sample: CPU use over the last second (since its start for the first sample), in percent of one
     * core, and resident memory. Empty for a process that is not tracked or has exited.
     */
    Optional<Usage> latest(long pid) {
        return Optional.ofNullable(latest.get(pid));
    }

    /** Stops sampling an exited process. */
    void forget(long pid) {
        previous.remove(pid);
        latest.remove(pid);
    }

    private void sampleAll() {
        previous.keySet().forEach(pid -> sample(pid, false));
    }

    private void sample(long pid, boolean first) {
        OSProcess now = os.getProcess((int) pid);
        if (now == null) {
            forget(pid);
            return;
        }
        OSProcess before = previous.get(pid);
        if (!first && before == null) {
            return; // forgotten while this sample was taken
        }
        double load = before == null ? now.getProcessCpuLoadCumulative() : now.getProcessCpuLoadBetweenTicks(before);
        previous.put(pid, now);
        latest.put(pid, new Usage(Math.round(load * 1000) / 10.0, now.getResidentSetSize()));
    }

    @Override
    public void destroy() {
        sampler.shutdownNow();
    }

    /**
     * One sample.
     *
     * @param cpuPercent CPU time over wall time, in percent of one core
     * @param memoryBytes resident set size
     */
    record Usage(double cpuPercent, long memoryBytes) {}
}
