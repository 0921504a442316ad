package dev.runtimeservice.manager.agent;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** The id and the secret token of a new launch ({@code AGENT_ID}, {@code AGENT_TOKEN}). */
final class LaunchIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LaunchIds() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
