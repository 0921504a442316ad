package dev.runtimeservice.manager.config;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.stereotype.Component;

/**
 * Leaves out Spring's processor of {@code @EventListener} methods (issue 23: the manager's boot). Once every bean is
 * made, that processor reads the methods and annotations of all of them, about 360 classes, which took 0.1 s of each
 * boot. The manager's listeners implement {@link org.springframework.context.ApplicationListener} instead, which needs
 * no scan; {@code NoAnnotatedEventListenersTest} fails on an {@code @EventListener} method in the manager's code. The
 * libraries the manager uses have none that matter: springdoc's only one warns when springdoc is turned off.
 *
 * <p>Under Spring AOT ({@code bin/runtime-manager}) this runs at build time, so the generated code never registers the
 * processor; at start it finds nothing to remove.
 */
@Component
class NoAnnotatedEventListeners implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME)) {
            registry.removeBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME);
        }
    }
}
