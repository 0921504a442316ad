package dev.runtimeservice.manager.config;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** Turns a bad configuration value into a start-up message that names the environment variable to fix. */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final String ACTION =
            "Fix the value in the environment or in config/application.yml and start the manager again.";

    private final Environment environment;

    ConfigurationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        if (cause.getCause() instanceof BindValidationException validation) {
            return new FailureAnalysis(describeValidation(cause.getName().toString(), validation), ACTION, cause);
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

    private static String describeValidation(String prefix, BindValidationException validation) {
        List<ObjectError> errors = validation.getValidationErrors().getAllErrors();
        return errors.stream()
                .map(error -> "Invalid configuration: " + ConfigurationKeys.describe(propertyOf(prefix, error)) + " "
                        + error.getDefaultMessage() + rejectedValue(error))
                .collect(Collectors.joining("\n"));
    }

    private static String propertyOf(String prefix, ObjectError error) {
        String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
        return prefix + "." + field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String rejectedValue(ObjectError error) {
        if (error instanceof FieldError fieldError && !(fieldError.getRejectedValue() instanceof Boolean)) {
            return " (was '" + fieldError.getRejectedValue() + "')";
        }
        return "";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
