package dev.runtimeservice.testkit.junit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** What the test kit's tests check of a process or a URL once a run is over. */
final class TestProcesses {

    private TestProcesses() {}

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Whether the process has ended, within a few seconds: one that is not this JVM's child (an adopted agent) is seen
     * ending by polling, and init reaps it a moment after.
     */
    static boolean ended(long pid) {
        return ProcessHandle.of(pid)
                .map(process -> process.onExit()
                        .thenApply(exited -> true)
                        .completeOnTimeout(false, 10, TimeUnit.SECONDS)
                        .join())
                .orElse(true);
    }

    static boolean listening(URI url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
