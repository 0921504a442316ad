package dev.runtimeservice.common.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** What the operating system says of a TCP port now. */
public final class Ports {

    private Ports() {}

    /**
     * Whether a server could listen on {@code port} on every address now: nothing listens there. A port whose last
     * connections linger in TIME_WAIT counts as free, as it does for a server that sets SO_REUSEADDR (every JVM
     * server here does).
     */
    public static boolean listenable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
