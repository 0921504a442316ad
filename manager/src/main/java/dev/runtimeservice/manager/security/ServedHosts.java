package dev.runtimeservice.manager.security;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The host names requests may be addressed to: the loopback names, the address the manager listens on
 * ({@code server.address}) and {@code RUNTIME_ALLOWED_HOSTS}; {@code *} there allows any name.
 */
@Component
class ServedHosts {

    private final Set<String> names = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "::1", "[::1]"));
    private final boolean any;

    ServedHosts(SecurityProperties properties, @Value("${server.address:}") String serverAddress) {
        properties.allowedHosts().stream()
                .map(ServedHosts::normal)
                .filter(name -> !name.isEmpty())
                .forEach(names::add);
        if (!serverAddress.isBlank()) {
            names.add(normal(serverAddress));
        }
        any = names.contains("*");
    }

    boolean serves(String host) {
        String name = normal(host);
        return any || names.contains(name);
    }

    String describe() {
        return names.stream().collect(Collectors.joining(", "));
    }

    private static String normal(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
