package dev.runtimeservice.manager.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Turns a bad configuration value into a start-up message that names the environment variable to fix. */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    /** What to do about any bad setting found at boot; {@link InvalidSettingFailureAnalyzer} says it too. */
    static final String ACTION =
            "Fix the value in the environment or in config/application.yml and start the manager again.";

    private final Environment environment;

    ConfigurationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        InvalidSettingException refused = findCause(cause, InvalidSettingException.class);
        if (refused != null) {
            // A settings record refused the value (SettingChecks); its message names the variable and the value.
            return new FailureAnalysis(refused.getMessage(), ACTION, cause);
        }
        return new FailureAnalysis(describeConversion(cause), ACTION, cause);
    }

    private String describeConversion(BindException cause) {
        ConfigurationProperty property = cause.getProperty();
        // The raw value is the placeholder of application.yml, such as ${MIN_AGENT_PORT:8001}: show what it became.
        String value = property == null
                ? ""
                : " '" + environment.resolvePlaceholders(String.valueOf(property.getValue())) + "'";
        String reason = cause.getCause() == null ? "" : ": " + rootMessage(cause.getCause());
        return "Invalid configuration value" + value + " for "
                + ConfigurationKeys.describe(cause.getName().toString()) + reason;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
