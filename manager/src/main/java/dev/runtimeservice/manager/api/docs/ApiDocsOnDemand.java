package dev.runtimeservice.manager.api.docs;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.stereotype.Component;

/**
 * Makes springdoc's beans at the first request for the API's description or its UI instead of at boot (issue 23: the
 * manager's idle memory and boot). springdoc with swagger-core and the Jackson 2 it needs are about 870 classes that a
 * manager nobody reads the description of never uses; made at boot, they were also in the class archive the build
 * records, which every start maps in full. springdoc marks its beans not lazy; this marks them lazy again, which Spring
 * MVC allows for controllers (their handler methods are found from the bean's type, the bean is made at the first
 * request). One bean must exist at boot, the UI's {@code WebMvcConfigurer}, whose page transformer needs Jackson 2: it
 * is replaced by {@link SwaggerUiOnDemand}, which makes that transformer at the UI's first request.
 *
 * <p>Under Spring AOT ({@code bin/runtime-manager}) this runs at build time and the lazy definitions are what the
 * generated code registers; it runs again at start, which changes nothing then.
 */
@Component
class ApiDocsOnDemand implements BeanDefinitionRegistryPostProcessor {

    static final String SPRINGDOC = "org.springdoc.";
    static final String UI_CONFIGURER = "swaggerWebMvcConfigurer";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(UI_CONFIGURER)
                && isSpringdoc(registry, registry.getBeanDefinition(UI_CONFIGURER))) {
            registry.removeBeanDefinition(UI_CONFIGURER);
            registry.registerBeanDefinition(UI_CONFIGURER, new RootBeanDefinition(SwaggerUiOnDemand.class));
        }
        for (String name : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(name);
            if (isSpringdoc(registry, definition)) {
                definition.setLazyInit(true);
            }
        }
    }

    /** Whether springdoc defines the bean: its class is springdoc's, or the configuration whose method makes it. */
    private static boolean isSpringdoc(BeanDefinitionRegistry registry, BeanDefinition definition) {
        if (startsWithSpringdoc(definition.getBeanClassName())) {
            return true;
        }
        String factory = definition.getFactoryBeanName();
        return factory != null
                && registry.containsBeanDefinition(factory)
                && startsWithSpringdoc(registry.getBeanDefinition(factory).getBeanClassName());
    }

    private static boolean startsWithSpringdoc(@Nullable String className) {
        return className != null && className.startsWith(SPRINGDOC);
    }
}
