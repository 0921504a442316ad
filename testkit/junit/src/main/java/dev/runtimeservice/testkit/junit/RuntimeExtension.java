package dev.runtimeservice.testkit.junit;

import dev.runtimeservice.testkit.RuntimeHome;
import dev.runtimeservice.testkit.RuntimeManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link RuntimeTest}. A class's own manager is kept in the class's store, which closes it
 * after the class whatever happened; a shared one in the root store, closed at the end of the run. Both are also
 * stopped by the test kit's shutdown hook if the JVM ends first.
 */
final class RuntimeExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver, TestWatcher {

    private static final Namespace NAMESPACE = Namespace.create(RuntimeExtension.class);
    private static final String RUNTIME = "runtime";

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<RuntimeTest> settings = AnnotationSupport.findAnnotation(testClass, RuntimeTest.class);
        TestRuntime runtime = context.getStore(NAMESPACE).get(RUNTIME, TestRuntime.class);
        if (settings.isEmpty() || (runtime != null && testClass.getEnclosingClass() != null)) {
            // A @Nested class uses its enclosing class's runtime.
            if (runtime == null) {
                throw new ExtensionConfigurationException(testClass + " needs @RuntimeTest");
            }
        } else {
            runtime = start(context, settings.get());
        }
        context.getStore(NAMESPACE).put(RUNTIME, runtime);
        Injection.fields(testClass, null, runtime);
    }

    private static TestRuntime start(ExtensionContext context, RuntimeTest settings) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        RuntimeHome home = RuntimeHome.locate(settings.home(), workingDirectory);
        RuntimeManager manager = settings.shared()
                ? context.getRoot()
                        .getStore(NAMESPACE)
                        .computeIfAbsent(
                                "shared:" + home.folder(), key -> RuntimeManager.start(home), RuntimeManager.class)
                : context.getStore(NAMESPACE)
                        .computeIfAbsent(
                                "own:" + context.getUniqueId(),
                                key -> RuntimeManager.start(home),
                                RuntimeManager.class);
        List<String> agents = new ArrayList<>(Arrays.asList(settings.agents()));
        for (String folder : settings.agentFolders()) {
            String name = manager.register(workingDirectory.resolve(folder));
            if (!agents.contains(name)) {
                agents.add(name);
            }
        }
        if (!agents.isEmpty()) {
            manager.launch(agents, settings.resources());
        }
        return new TestRuntime(manager, List.copyOf(agents), settings.logLines());
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        Injection.fields(testInstance.getClass(), testInstance, runtime(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return Injection.wanted(parameter.getParameter())
                || parameter.getParameter().getType() == RuntimeManager.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestRuntime runtime = runtime(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == RuntimeManager.class && !Injection.wanted(parameter.getParameter())) {
            return runtime.manager();
        }
        return Injection.value(parameter.getParameter(), type, runtime, "Parameter " + parameter.getParameter());
    }

    /** Attaches each agent's log tail to the failure, and publishes it as a report entry too. */
    @Override
    public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
        TestRuntime runtime = context.getStore(NAMESPACE).get(RUNTIME, TestRuntime.class);
        if (runtime == null || cause == null) {
            return;
        }
        for (String agent : runtime.agents()) {
            String tail = runtime.manager().logTail(agent, runtime.logLines());
            cause.addSuppressed(new AgentLogTail(agent, runtime.logLines(), tail));
            if (!tail.isBlank()) {
                context.publishReportEntry("agent " + agent + " log", tail);
            }
        }
    }

    private static TestRuntime runtime(ExtensionContext context) {
        TestRuntime runtime = context.getStore(NAMESPACE).get(RUNTIME, TestRuntime.class);
        if (runtime == null) {
            throw new ExtensionConfigurationException(
                    "No runtime for " + context.getDisplayName() + ": annotate the test class with @RuntimeTest");
        }
        return runtime;
    }
}
