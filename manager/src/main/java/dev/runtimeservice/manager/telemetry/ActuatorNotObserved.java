package dev.runtimeservice.manager.telemetry;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Leaves actuator requests (health probes, Prometheus scrapes) out of traces and request metrics: they come every few
 * seconds and would bury the requests an operator follows.
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorNotObserved {

    @Bean
    ObservationPredicate skipActuatorRequests() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server && isActuator(server));
    }

    static boolean isActuator(ServerRequestObservationContext context) {
        HttpServletRequest request = context.getCarrier();
        return request != null && request.getRequestURI().startsWith("/actuator");
    }
}
