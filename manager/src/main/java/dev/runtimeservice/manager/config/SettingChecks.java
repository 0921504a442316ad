package dev.runtimeservice.manager.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The checks the settings records make on their values as they are bound, in their constructors. Each failure is an
 * {@link InvalidSettingException} whose message names the environment variable behind the property (see
 * {@code ConfigurationKeys}) and the value it had, so the manager stops at boot saying what to fix.
 *
 * <p>Why not Bean Validation ({@code @Validated}, {@code @Min}): bootstrapping Hibernate Validator and reading the
 * constraints of ten records was a tenth of the manager's boot (issue 23), for checks this small.
 */
public final class SettingChecks {

    private SettingChecks() {}

    /** Fails unless {@code value} is at least {@code min}. */
    public static void atLeast(String property, long value, long min) {
        if (value < min) {
            throw invalid(property, "must be at least " + min, value);
        }
    }

    /** Fails unless {@code value} is from {@code min} to {@code max}. */
    public static void between(String property, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(property, "must be from " + min + " to " + max, value);
        }
    }

    /** Fails unless the duration is given and at least {@code min}. */
    public static void atLeast(String property, @Nullable Duration value, Duration min) {
        if (value == null) {
            throw missing(property);
        }
        if (value.compareTo(min) < 0) {
            throw invalid(property, "must be at least " + min.toMillis() + " ms", value);
        }
    }

    /** Fails if the value is missing (an empty value binds to none). */
    public static void present(String property, @Nullable Object value) {
        if (value == null) {
            throw missing(property);
        }
    }

    /** Fails if the text is missing or blank. */
    public static void notBlank(String property, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw invalid(property, "must not be blank", value);
        }
    }

    /** Fails with {@code requirement} (such as "must be local or kubernetes") unless {@code holds}. */
    public static void require(String property, boolean holds, String requirement, @Nullable Object value) {
        if (!holds) {
            throw invalid(property, requirement, value);
        }
    }

    private static InvalidSettingException missing(String property) {
        return new InvalidSettingException(
                "Invalid configuration: " + ConfigurationKeys.describe(property) + " must be given");
    }

    private static InvalidSettingException invalid(String property, String requirement, @Nullable Object value) {
        return new InvalidSettingException("Invalid configuration: " + ConfigurationKeys.describe(property) + " "
                + requirement + " (was '" + value + "')");
    }
}
