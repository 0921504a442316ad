package dev.runtimeservice.agent.kendra;

import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The kendra agent: search and retrieval on an embedded Lucene index under its home. */
@SpringBootApplication
public class KendraAgentApplication {

    static final String DESCRIPTION = "Search and retrieval on an embedded Apache Lucene index on disk: add, "
            + "replace, read and delete documents over HTTP (JSON or streamed NDJSON batches, committed before "
            + "they are acknowledged), and search them by keyword (BM25 with Spanish and English analysis), "
            + "semantically (in-process all-MiniLM-L6-v2, an English model) or hybrid (reciprocal rank fusion), "
            + "with highlighted snippets, metadata filters, paging and total counts. It also indexes UTF-8 text "
            + "files of the vfs agent by path or glob (POST /ingest/vfs), finding vfs through the manager.";

    /**
     * Starts the agent.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(KendraAgentApplication.class, args);
    }

    @Bean
    AgentDescriptor kendraDescriptor() {
        return new AgentDescriptor(DESCRIPTION);
    }
}
