package dev.runtimeservice.agent.orchestrator.routing;

import dev.runtimeservice.agent.orchestrator.discovery.AgentCardInfo;
import dev.runtimeservice.agent.orchestrator.discovery.CardParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cards of the built-in agents as their jars served them ({@code cards/<agent>.json}): they let routing name
 * the agent that should handle an instruction even when it is not running, so the answer can say how to launch it.
 */
public final class BundledCards {

    private BundledCards() {}

    /** The bundled cards by agent name. */
    public static Map<String, AgentCardInfo> load(JsonMapper json) {
        Map<String, AgentCardInfo> cards = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:cards/*.json")) {
                String file = resource.getFilename();
                try (InputStream in = resource.getInputStream()) {
                    cards.put(file.substring(0, file.length() - ".json".length()), CardParser.parse(json.readTree(in)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cards;
    }
}
