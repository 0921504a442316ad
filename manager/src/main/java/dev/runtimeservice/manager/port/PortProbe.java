package dev.runtimeservice.manager.port;

import dev.runtimeservice.common.net.Ports;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** Asks the operating system whether a port is free and, when it is not, which process holds it. */
@Component
public class PortProbe {

    // OSHI is asked only when a port is taken: made at boot, it loaded JNA and its native library for nothing.
    private final Supplier<OperatingSystem> os;

    @Autowired
    public PortProbe(ObjectProvider<SystemInfo> systemInfo) {
        this.os = () -> systemInfo.getObject().getOperatingSystem();
    }

    public PortProbe(SystemInfo systemInfo) {
        this.os = systemInfo::getOperatingSystem;
    }

    /** Whether a server could listen on {@code port} on every address now. */
    public boolean isFree(int port) {
        return Ports.listenable(port);
    }

    /** The process listening on {@code port}, as "pid 123 (python3 server.py)", if the OS tells. */
    public Optional<String> holderOf(int port) {
        return os.get().getInternetProtocolStats().getConnections().stream()
                .filter(connection -> connection.getLocalPort() == port && connection.getowningProcessId() > 0)
                .filter(connection -> "LISTEN".equalsIgnoreCase(String.valueOf(connection.getState())))
                .findFirst()
                .map(this::describe);
    }

    private String describe(IPConnection connection) {
        int pid = connection.getowningProcessId();
        OSProcess process = os.get().getProcess(pid);
        if (process == null) {
            return "pid " + pid;
        }
        String command = process.getCommandLine().isBlank() ? process.getName() : process.getCommandLine();
        return "pid " + pid + " (" + abbreviate(command) + ")";
    }

    private static String abbreviate(String command) {
        String[] words = command.split("\\s+");
        String shown = String.join(" ", Arrays.copyOf(words, Math.min(words.length, 4)));
        return shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
    }
}
