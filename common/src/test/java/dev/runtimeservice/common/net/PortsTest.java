package dev.runtimeservice.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortSomethingListensOnIsNotListenableAndIsAgainOnceItIsClosed() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(0));
            port = server.getLocalPort();
            assertThat(Ports.listenable(port)).isFalse();
        }
        assertThat(Ports.listenable(port)).isTrue();
    }
}
