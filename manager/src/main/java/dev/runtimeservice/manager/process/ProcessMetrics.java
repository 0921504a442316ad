package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.scheduling.DaemonScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * CPU and memory use of agent processes, read once a second on a thread of its own: from {@code /proc/<pid>/stat}
 * where there is one ({@link ProcStat}; OSHI's process record cost 2-4 ms a process, too much with 50 agents), else
 * through OSHI. A list request
 * reads the latest sample: reading {@code /proc} for fifty agents on every request would cost milliseconds each.
 * Only {@link LocalProcesses} reads it; everything else asks the {@link AgentHost} for an agent's usage.
 */
@Component
@Lazy // made only with the local host: not at all when agents run as pods (kubernetes.AgentHostChoice)
class ProcessMetrics implements DisposableBean {

    private static final long PERIOD_MS = 1000;

    /** OSHI, asked only where there is no /proc: made at boot, it loaded JNA and its native library for nothing. */
    private final ObjectProvider<SystemInfo> systemInfo;

    private final Map<Long, OSProcess> previous = new ConcurrentHashMap<>();
    private final Map<Long, Usage> latest = new ConcurrentHashMap<>();
    private final Map<Long, Timed> previousStat = new ConcurrentHashMap<>();
    private final boolean procStat = ProcStat.available();
    private final ScheduledExecutorService sampler = DaemonScheduler.named("process-metrics");

    ProcessMetrics(ObjectProvider<SystemInfo> systemInfo) {
        this.systemInfo = systemInfo;
        sampler.scheduleWithFixedDelay(this::sampleAll, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling a process; its first sample (CPU since its start) is taken now. */
    void track(long pid) {
        latest.remove(pid);
        previous.remove(pid);
        previousStat.remove(pid);
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
        previousStat.remove(pid);
        latest.remove(pid);
    }

    private void sampleAll() {
        (procStat ? previousStat.keySet() : previous.keySet()).forEach(pid -> sample(pid, false));
    }

    private void sample(long pid, boolean first) {
        if (procStat) {
            sampleProcStat(pid, first);
            return;
        }
        OperatingSystem os = systemInfo.getObject().getOperatingSystem();
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
        keep(pid, load, now.getResidentSetSize());
    }

    /** The same from /proc/<pid>/stat: CPU over the time since the previous sample, or since the process started. */
    private void sampleProcStat(long pid, boolean first) {
        long at = System.nanoTime();
        ProcStat now = ProcStat.read(pid).orElse(null);
        if (now == null) {
            forget(pid);
            return;
        }
        Timed before = previousStat.get(pid);
        if (!first && before == null) {
            return; // forgotten while this sample was taken
        }
        double load = before == null
                ? sinceStart(pid, now)
                : ratio(now.cpuNanos() - before.stat().cpuNanos(), at - before.at());
        previousStat.put(pid, new Timed(now, at));
        keep(pid, load, now.residentBytes());
    }

    /**
     * Makes a sample the latest, unless the process has no memory of its own: as it replaces its program (the first
     * sample, taken as it is spawned, read 0 now and then, and a list showed 0 bytes until the next), or once it has
     * ended and is not yet reaped. The next sample, a second later, has it.
     */
    private void keep(long pid, double load, long residentBytes) {
        if (residentBytes > 0) {
            latest.put(pid, new Usage(Math.round(load * 1000) / 10.0, residentBytes));
        }
    }

    private static double sinceStart(long pid, ProcStat now) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().startInstant())
                .map(start -> ratio(
                        now.cpuNanos(), Duration.between(start, Instant.now()).toNanos()))
                .orElse(0.0);
    }

    private static double ratio(long cpuNanos, long wallNanos) {
        return wallNanos <= 0 ? 0.0 : Math.max(0.0, (double) cpuNanos / wallNanos);
    }

    /** A /proc sample and when it was taken. */
    private record Timed(ProcStat stat, long at) {}

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
