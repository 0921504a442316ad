package dev.runtimeservice.testkit.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/** The URLs of {@link AgentUrl} and {@link ManagerUrl} fields and parameters, in the type each one declares. */
final class Injection {

    private Injection() {}

    /** Whether the element asks for a URL. */
    static boolean wanted(AnnotatedElement element) {
        return element.isAnnotationPresent(AgentUrl.class) || element.isAnnotationPresent(ManagerUrl.class);
    }

    /** The URL the element asks for, in the given type. */
    static Object value(AnnotatedElement element, Class<?> type, TestRuntime runtime, String where) {
        AgentUrl agent = element.getAnnotation(AgentUrl.class);
        URI url = agent != null
                ? runtime.manager().agentUrl(agent.value())
                : runtime.manager().url();
        if (type == URI.class) {
            return url;
        }
        if (type == String.class) {
            return url.toString();
        }
        if (type == java.net.URL.class) {
            try {
                return url.toURL();
            } catch (MalformedURLException e) {
                throw new ExtensionConfigurationException("Not a URL: " + url, e);
            }
        }
        throw new ExtensionConfigurationException(
                where + " must be a URI, a String or a URL to get a URL, not " + type.getName());
    }

    /** Sets the static ({@code instance} null) or instance fields of the class that ask for a URL. */
    static void fields(Class<?> testClass, @Nullable Object instance, TestRuntime runtime) {
        List<Field> fields = ReflectionSupport.findFields(
                testClass,
                field -> wanted(field) && (instance == null) == ModifierSupport.isStatic(field),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException("Field " + field + " must not be final to get a URL");
            }
            Object value = value(field, field.getType(), runtime, "Field " + field);
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("Cannot set " + field, e);
            }
        }
    }
}
