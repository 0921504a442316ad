package dev.runtimeservice.agent.sdk.trace;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the {@link RequestIdFilter} early in the chain, so every later log line of a request carries its id. */
@Configuration(proxyBeanMethods = false)
public class TraceConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public TraceConfiguration() {}

    @Bean
    FilterRegistrationBean<RequestIdFilter> agentRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // Right after Spring's observation filter (HIGHEST_PRECEDENCE + 1), so the request's log line carries the
        // trace id of its span as well as its request id.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
