package dev.runtimeservice.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.event.EventListener;

class NoAnnotatedEventListenersTest {

    @Test
    void theManagerHasNoEventListenerMethodThatWouldNeverBeCalled() {
        List<String> annotated = classesWithEventListenerMethods("dev.runtimeservice.manager");

        assertThat(annotated)
                .as("the scan finds an @EventListener method where there is one")
                .contains(AnnotatedListener.class.getName());
        assertThat(annotated)
                .as("classes of the manager with @EventListener methods, which it does not process: implement"
                        + " ApplicationListener instead")
                .containsOnly(AnnotatedListener.class.getName());
    }

    @Test
    void leavesOutTheProcessorOfAnnotatedListenersAndKeepsListenerBeans() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(NoAnnotatedEventListeners.class);
            context.registerBean(AnnotatedListener.class);
            context.registerBean(PayloadListener.class);
            context.refresh();

            context.publishEvent("agent exited");

            assertThat(context.containsBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME))
                    .isFalse();
            assertThat(context.getBean(AnnotatedListener.class).heard).isEmpty();
            assertThat(context.getBean(PayloadListener.class).heard).containsExactly("agent exited");
        }
    }

    private static List<String> classesWithEventListenerMethods(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true; // nested, abstract and interface types too
            }
        };
        scanner.addIncludeFilter(
                (reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(EventListener.class.getName()));
        return scanner.findCandidateComponents(basePackage).stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(Objects::nonNull)
                .toList();
    }

    static class AnnotatedListener {
        final List<String> heard = new ArrayList<>();

        @EventListener
        void on(String event) {
            heard.add(event);
        }
    }

    static class PayloadListener implements ApplicationListener<PayloadApplicationEvent<String>> {
        final List<String> heard = new ArrayList<>();

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<String> event) {
            heard.add(event.getPayload());
        }
    }
}
