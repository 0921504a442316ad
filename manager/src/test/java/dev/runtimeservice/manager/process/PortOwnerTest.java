package dev.runtimeservice.manager.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real sockets and processes: who listens on a port is read from /proc. */
class PortOwnerTest {

    @Test
    void aListenerInTheTreeIsTheAgentsOneElsewhereIsAnotherProcesssAndNoListenerIsUnknown() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = socket.getLocalPort();

            assertThat(PortOwner.of(port, Stream.of(other.toHandle(), ProcessHandle.current())))
                    .isEqualTo(PortOwner.Owner.AGENT);
            assertThat(PortOwner.of(port, Stream.of(other.toHandle()))).isEqualTo(PortOwner.Owner.OTHER);
            socket.close();
            assertThat(PortOwner.of(port, Stream.of(ProcessHandle.current()))).isEqualTo(PortOwner.Owner.UNKNOWN);
        } finally {
            other.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
