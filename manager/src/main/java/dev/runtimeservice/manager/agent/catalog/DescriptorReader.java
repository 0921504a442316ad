package dev.runtimeservice.manager.agent.catalog;

import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.error.InvalidDescriptorException;
import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.limits.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads and checks one {@code agent.yml}, so that a launch never starts from a half-valid descriptor. */
final class DescriptorReader {

    static final String FILE_NAME = "agent.yml";
    static final String DEFAULT_HEALTH_PATH = "/actuator/health/readiness";
    static final String DEFAULT_JAR_LIVENESS_PATH = "/actuator/health/liveness";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final @Nullable AgentUser defaultUser;

    /** @param defaultUser the user of an agent whose agent.yml names none ({@code AGENT_USER}), or null */
    DescriptorReader(@Nullable AgentUser defaultUser) {
        this.defaultUser = defaultUser;
    }

    AgentDescriptor read(Path home) {
        String name = home.getFileName().toString();
        Path file = home.resolve(FILE_NAME);
        DescriptorFile raw;
        try {
            raw = Objects.requireNonNull(yaml.readValue(file.toFile(), DescriptorFile.class), "empty file");
        } catch (JacksonException | NullPointerException e) {
            throw new InvalidDescriptorException(
                    name, file, "it is not readable YAML of the expected fields (" + firstLine(e.getMessage()) + ")");
        }
        return check(name, home, file, raw);
    }

    private AgentDescriptor check(String name, Path home, Path file, DescriptorFile raw) {
        if (!AgentNames.isValid(name)) {
            throw new InvalidDescriptorException(
                    name, file, "the folder name is not a valid agent name (" + AgentNames.RULE + ")");
        }
        List<String> command = raw.command() == null ? List.of() : List.copyOf(raw.command());
        if (raw.jar() != null && !command.isEmpty()) {
            throw new InvalidDescriptorException(name, file, "it must set exactly one of 'jar' and 'command'");
        }
        if (raw.jar() == null && command.isEmpty() && raw.image() == null) {
            throw new InvalidDescriptorException(
                    name, file, "it must set exactly one of 'jar' and 'command' (or only 'image', for Kubernetes)");
        }
        if (raw.port() != null && (raw.port() < 1 || raw.port() > 65535)) {
            throw new InvalidDescriptorException(name, file, "'port' must be between 1 and 65535");
        }
        String health = raw.health() == null ? DEFAULT_HEALTH_PATH : raw.health();
        String liveness =
                raw.liveness() != null ? raw.liveness() : raw.jar() != null ? DEFAULT_JAR_LIVENESS_PATH : health;
        if (Stream.of(health, liveness, raw.shutdown()).anyMatch(path -> path != null && !path.startsWith("/"))) {
            throw new InvalidDescriptorException(
                    name, file, "'health', 'liveness' and 'shutdown' must be paths starting with /");
        }
        RestartPolicy restart = raw.restart() == null
                ? RestartPolicy.ON_FAILURE
                : RestartPolicy.fromYaml(raw.restart())
                        .orElseThrow(() -> new InvalidDescriptorException(
                                name,
                                file,
                                "'restart' must be never, on-failure or always, not '" + raw.restart() + "'"));
        Map<String, String> env = raw.env() == null ? Map.of() : Map.copyOf(raw.env());
        env.keySet().stream()
                .filter(key -> !ENV_NAME.matcher(key).matches())
                .findFirst()
                .ifPresent(key -> {
                    throw new InvalidDescriptorException(
                            name, file, "'" + key + "' is not a valid environment variable name");
                });
        return new AgentDescriptor(
                name,
                raw.description() == null ? "" : raw.description(),
                home.toAbsolutePath(),
                raw.jar() == null
                        ? null
                        : home.toAbsolutePath().resolve(raw.jar()).normalize(),
                command,
                raw.jvmArgs() == null ? List.of() : List.copyOf(raw.jvmArgs()),
                raw.port(),
                health,
                raw.jar() != null && raw.shutdown() == null ? "/shutdown" : raw.shutdown(),
                raw.order() == null ? 0 : raw.order(),
                env,
                restart,
                liveness,
                limits(name, file, raw.limits()),
                raw.user() == null ? defaultUser : user(name, file, raw.user()),
                image(name, file, raw.image()));
    }

    private static AgentUser user(String name, Path file, String spec) {
        try {
            return AgentUser.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new InvalidDescriptorException(name, file, String.valueOf(e.getMessage()));
        }
    }

    private static @Nullable String image(String name, Path file, @Nullable String image) {
        if (image != null && (image.isBlank() || image.chars().anyMatch(Character::isWhitespace))) {
            throw new InvalidDescriptorException(
                    name, file, "'image' must be a container image reference such as registry/vfs:0.1.0");
        }
        return image;
    }

    private static Limits limits(String name, Path file, DescriptorFile.@Nullable LimitsFile raw) {
        if (raw == null) {
            return Limits.NONE;
        }
        try {
            return Limits.parse(raw.memory(), raw.cpu(), raw.pids());
        } catch (IllegalArgumentException e) {
            throw new InvalidDescriptorException(name, file, String.valueOf(e.getMessage()));
        }
    }

    private static String firstLine(@org.jspecify.annotations.Nullable String message) {
        return message == null ? "no details" : message.lines().findFirst().orElse(message);
    }
}
