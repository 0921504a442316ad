package dev.runtimeservice.agent.kendra;

import dev.runtimeservice.agent.kendra.embedding.TextEmbedder;
import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import dev.runtimeservice.agent.kendra.index.LuceneIndex;
import dev.runtimeservice.agent.kendra.ingest.DocumentBatch;
import dev.runtimeservice.agent.kendra.ingest.DocumentCall;
import dev.runtimeservice.agent.kendra.ingest.IngestResult;
import dev.runtimeservice.agent.kendra.ingest.IngestService;
import dev.runtimeservice.agent.kendra.ingest.NothingIndexedException;
import dev.runtimeservice.agent.kendra.search.SearchHit;
import dev.runtimeservice.agent.kendra.search.SearchRequest;
import dev.runtimeservice.agent.kendra.search.SearchResponse;
import dev.runtimeservice.agent.kendra.search.SearchService;
import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent's skills, each declared once with its handler: the REST controllers and A2A run the same code. Indexing
 * files from vfs is declared beside its service ({@code vfs.VfsIngestSkill}).
 */
@Configuration(proxyBeanMethods = false)
class KendraSkills {

    private static final Map<String, Object> DOCUMENTS_SCHEMA = Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                    "documents",
                    Map.of(
                            "type",
                            "array",
                            "items",
                            Map.of(
                                    "type",
                                    "object",
                                    "properties",
                                    Map.of(
                                            "id",
                                            Map.of("type", "string"),
                                            "text",
                                            Map.of("type", "string"),
                                            "title",
                                            Map.of("type", "string"),
                                            "uri",
                                            Map.of("type", "string"),
                                            "language",
                                            Map.of("type", "string"),
                                            "metadata",
                                            Map.of("type", "object")),
                                    "required",
                                    List.of("id", "text")))),
            "required",
            List.of("documents"));

    @Bean
    Skill<SearchRequest> searchSkill(SearchService search) {
        return Skill.withText(
                        new AgentSkill(
                                "search",
                                "Search documents",
                                "POST /search {\"query\", \"mode\": keyword|semantic|hybrid, \"top_k\", \"offset\", "
                                        + "\"language\", "
                                        + "\"filters\"} ranks the indexed documents by BM25 with Spanish and English "
                                        + "stemming, "
                                        + "by embedding similarity (English model), or by both fused; answers total, "
                                        + "hits with "
                                        + "id, title, uri, metadata, score and a snippet with the matched terms in "
                                        + "<mark>. Over A2A "
                                        + "a plain-text message is the query.",
                                List.of(
                                        "search",
                                        "retrieval",
                                        "bm25",
                                        "semantic",
                                        "hybrid",
                                        "lucene",
                                        "rag",
                                        "find",
                                        "busca"),
                                List.of(
                                        "Busca documentos sobre la vacunación infantil",
                                        "Find the documents about renewable energy in the category 'energy', top 5",
                                        "GET /search?q=contrato+de+alquiler&mode=keyword&language=es")),
                        SearchRequest.class,
                        SearchResponse.class,
                        text -> new SearchRequest(text, null, null, null, null, null),
                        (request, context) -> answer(search.search(request)))
                .preferredForText();
    }

    @Bean
    Skill<DocumentBatch> ingestSkill(IngestService ingest) {
        return Skill.of(
                        new AgentSkill(
                                "ingest",
                                "Index documents",
                                "POST /documents adds or replaces documents by id (JSON array, {\"documents\": "
                                        + "[...]}, or "
                                        + "application/x-ndjson streamed line by line), each with id, text and "
                                        + "optional title, "
                                        + "uri, language and metadata; the answer counts what was committed and lists "
                                        + "every "
                                        + "rejected document by id with the reason. Over A2A send {\"documents\": "
                                        + "[...]} as a "
                                        + "data part.",
                                List.of("ingest", "index", "documents", "lucene"),
                                List.of(
                                        "Index this document: {\"id\": \"doc-1\", \"text\": \"...\", \"language\": "
                                                + "\"es\"}",
                                        "POST /documents with 10,000 NDJSON lines"),
                                List.of("application/json", "application/x-ndjson"),
                                AgentSkill.DEFAULT_OUTPUT_MODES),
                        DocumentBatch.class,
                        IngestResult.class,
                        (batch, context) -> {
                            IngestResult result = ingest.ingest(batch, context);
                            if (result.indexed() == 0 && !result.failed().isEmpty()) {
                                throw new NothingIndexedException(result);
                            }
                            return new SkillResult(
                                    "Indexed " + result.indexed() + " documents; "
                                            + result.failed().size() + " rejected.",
                                    result);
                        })
                .withInputSchema(DOCUMENTS_SCHEMA);
    }

    @Bean
    Skill<DocumentCall> documentSkill(IngestService ingest, LuceneIndex index) {
        return Skill.of(
                new AgentSkill(
                        "documents",
                        "Read or delete a document",
                        "GET /documents/{id} returns a document as it was indexed; DELETE /documents/{id} removes it "
                                + "durably; GET /index counts the documents. Over A2A send {\"id\"} to read, {\"id\", "
                                + "\"delete\": true} to delete, {} to count.",
                        List.of("documents", "delete", "get"),
                        List.of("Get document doc-1", "Delete document doc-1 from the index")),
                DocumentCall.class,
                Object.class,
                (call, context) -> {
                    if (call.id() == null || call.id().isBlank()) {
                        Map<String, Object> stats = stats(index);
                        return new SkillResult("The index holds " + stats.get("documents") + " documents.", stats);
                    }
                    if (Boolean.TRUE.equals(call.delete())) {
                        ingest.delete(call.id());
                        return new SkillResult("Deleted document " + call.id() + ".", Map.of("deleted", call.id()));
                    }
                    IndexedDocument document = ingest.get(call.id());
                    return new SkillResult(document.text(), document);
                });
    }

    private static Map<String, Object> stats(LuceneIndex index) {
        return Map.of(
                "documents",
                index.count(),
                "embedding_model",
                TextEmbedder.MODEL_NAME,
                "analysis",
                Map.of(
                        "es",
                        "Spanish: stop words, Snowball stemmer, accent folding",
                        "en",
                        "English: stop words, Porter stemmer, accent folding",
                        "other",
                        "lower case and accent folding"));
    }

    private static SkillResult answer(SearchResponse response) {
        String hits = response.hits().stream().map(KendraSkills::line).collect(Collectors.joining("\n"));
        String text = response.total() + " documents match \"" + response.query() + "\""
                + (hits.isEmpty() ? "." : ":\n" + hits);
        return new SkillResult(text, response);
    }

    private static String line(SearchHit hit) {
        return "- " + (hit.title() == null ? hit.id() : hit.title() + " (" + hit.id() + ")") + ": "
                + hit.snippet().replace("<mark>", "").replace("</mark>", "");
    }
}
