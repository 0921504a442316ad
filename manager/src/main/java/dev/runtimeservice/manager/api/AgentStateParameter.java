package dev.runtimeservice.manager.api;

import dev.runtimeservice.manager.agent.AgentState;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads a state in a query ({@code GET /api/list_agents?status=running}) in any case, as the CLI does: the states are
 * upper-case in answers, and {@code running} was refused. A value that is no state is still refused, with the states
 * listed ({@link ProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
class AgentStateParameter implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(
                String.class,
                AgentState.class,
                value -> AgentState.valueOf(value.strip().toUpperCase(Locale.ROOT)));
    }
}
