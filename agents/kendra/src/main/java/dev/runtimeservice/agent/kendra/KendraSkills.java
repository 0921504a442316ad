package dev.runtimeservice.agent.kendra;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The skills the agent card lists: one per operation kendra really has. */
@Configuration(proxyBeanMethods = false)
class KendraSkills {

    @Bean
    AgentSkill searchSkill() {
        return new AgentSkill("search", "Search documents",
                "POST /search {\"query\", \"mode\": keyword|semantic|hybrid, \"top_k\", \"offset\", \"language\", "
                        + "\"filters\"} ranks the indexed documents by BM25 with Spanish and English stemming, "
                        + "by embedding similarity (English model), or by both fused; answers total, hits with "
                        + "id, title, uri, metadata, score and a snippet with the matched terms in <mark>.",
                List.of("search", "retrieval", "bm25", "semantic", "hybrid", "lucene", "rag"),
                List.of("Busca documentos sobre la vacunación infantil",
                        "Find the documents about renewable energy in the category 'energy', top 5",
                        "GET /search?q=contrato+de+alquiler&mode=keyword&language=es"));
    }

    @Bean
    AgentSkill ingestSkill() {
        return new AgentSkill("ingest", "Index documents",
                "POST /documents adds or replaces documents by id (JSON array, {\"documents\": [...]}, or "
                        + "application/x-ndjson streamed line by line), each with id, text and optional title, "
                        + "uri, language and metadata; the answer counts what was committed and lists every "
                        + "rejected document by id with the reason.",
                List.of("ingest", "index", "documents", "lucene"),
                List.of("Index this document: {\"id\": \"doc-1\", \"text\": \"...\", \"language\": \"es\"}",
                        "POST /documents with 10,000 NDJSON lines"),
                List.of("application/json", "application/x-ndjson"), AgentSkill.DEFAULT_OUTPUT_MODES);
    }

    @Bean
    AgentSkill vfsIngestSkill() {
        return new AgentSkill("ingest-vfs", "Index files from vfs",
                "POST /ingest/vfs {\"paths\": [...], \"glob\", \"folder\", \"language\", \"metadata\"} asks the "
                        + "manager where the vfs agent runs, finds the files (a folder in paths means every file "
                        + "below it; the glob is matched below folder) and indexes each UTF-8 text file as document "
                        + "vfs:<path> with uri vfs://<path>, titled by its first Markdown heading, its HTML title or "
                        + "its name; answers the indexed files with their ids, the skipped ones (binary, too large) "
                        + "and the failed ones, each with why. 503 when the manager or vfs is not running.",
                List.of("ingest", "index", "vfs", "files", "glob"),
                List.of("Index every Markdown file in vfs: {\"glob\": \"**/*.md\"}",
                        "Index docs/contrato.md and every file under reports as Spanish: "
                                + "{\"paths\": [\"docs/contrato.md\", \"reports\"], \"language\": \"es\"}",
                        "Index the text files below notes, tagged for the legal team: {\"glob\": \"**/*.txt\", "
                                + "\"folder\": \"notes\", \"metadata\": {\"team\": \"legal\"}}"));
    }

    @Bean
    AgentSkill documentSkill() {
        return new AgentSkill("documents", "Read or delete a document",
                "GET /documents/{id} returns a document as it was indexed; DELETE /documents/{id} removes it "
                        + "durably; GET /index counts the documents.",
                List.of("documents", "delete", "get"),
                List.of("Get document doc-1", "Delete document doc-1 from the index"));
    }
}
