package dev.runtimeservice.manager.agent.launch;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** The id and the secret token of a new launch ({@code AGENT_ID}, {@code AGENT_TOKEN}). */
public final class LaunchIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LaunchIds() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
