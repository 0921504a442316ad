package dev.runtimeservice.manager.security;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Puts {@link BodySlotsValve} in front of the manager's servlets. */
@Component
class BodySlotsCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final SecurityProperties properties;

    BodySlotsCustomizer(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new BodySlotsValve(properties.maxBodiesPerClient()));
    }
}
