package dev.runtimeservice.agent.kendra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Ingest, read, delete and search over real HTTP, each test on documents of its own suite. */
class DocumentAndSearchApiTests extends AgentHttpTest {

    @Test
    void aBatchIndexesTheGoodDocumentsAndReportsTheBadOneById() {
        client().post()
                .uri("/documents")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                {"documents": [
                  {"id": "ok-1", "title": "Canción", "text": "Las canciones populares de la sierra.", "metadata": {"suite": "batch"}},
                  {"id": "bad-1", "text": "x", "metadata": {"nested": {"no": 1}}},
                  {"id": "ok-2", "text": "Another good document.", "language": "en", "uri": "file:///ok-2.txt"}
                ]}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.indexed")
                .isEqualTo(2)
                .jsonPath("$.failed.length()")
                .isEqualTo(1)
                .jsonPath("$.failed[0].id")
                .isEqualTo("bad-1")
                .jsonPath("$.failed[0].position")
                .isEqualTo(2)
                .jsonPath("$.failed[0].error")
                .value(error -> assertThat(error.toString()).contains("nested"));
        client().get()
                .uri("/documents/ok-2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("Another good document.")
                .jsonPath("$.uri")
                .isEqualTo("file:///ok-2.txt")
                .jsonPath("$.language")
                .isEqualTo("en");
        client().get()
                .uri("/documents/ok-1")
                .exchange()
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("es");
    }

    @Test
    void anNdjsonBatchStreamsLineByLineAndReportsAMalformedLineByNumber() {
        String lines = "{\"id\": \"nd-1\", \"text\": \"first line\", \"metadata\": {\"suite\": \"ndjson\"}}\n"
                + "{not json\n"
                + "{\"id\": \"nd-2\", \"text\": \"third line\", \"metadata\": {\"suite\": \"ndjson\"}}\n";
        client().post()
                .uri("/documents")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(lines)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.indexed")
                .isEqualTo(2)
                .jsonPath("$.failed[0].position")
                .isEqualTo(2);
    }

    @Test
    void aSpanishQueryFindsSpanishDocumentsWhateverTheirInflectionAndMarksTheTerms() {
        ingest("""
                [{"id": "es-1", "text": "Los niños fueron vacunados en el colegio.", "language": "es",
                  "metadata": {"suite": "spanish"}},
                 {"id": "es-2", "text": "Nadie habló del tiempo.", "language": "es", "metadata": {"suite": "spanish"}}]""");

        client().get()
                .uri("/search?q=vacunación nino&mode=keyword&filter=suite:spanish")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.hits[0].id")
                .isEqualTo("es-1")
                .jsonPath("$.hits[0].snippet")
                .isEqualTo("Los <mark>niños</mark> fueron <mark>vacunados</mark> en el colegio.");
    }

    @Test
    void filtersPagingAndTheTotalWorkTogether() {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 1; i <= 12; i++) {
            batch.append(i > 1 ? "," : "").append("""
                    {"id": "page-%d", "text": "Report number %d about paging", "metadata": {"suite": "paging", "year": %d}}
                    """.formatted(i, i, 2010 + i));
        }
        ingest(batch.append("]").toString());

        client().post()
                .uri("/search")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                {"query": "report", "mode": "keyword", "top_k": 3, "offset": 3,
                 "filters": {"suite": "paging", "year": {"gte": 2015, "lt": 2021}}}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(6)
                .jsonPath("$.offset")
                .isEqualTo(3)
                .jsonPath("$.top_k")
                .isEqualTo(3)
                .jsonPath("$.hits.length()")
                .isEqualTo(3);
        client().get()
                .uri("/search?q=report&mode=semantic&filter=suite:paging&filter=year:2011&filter=year:2012")
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(2)
                .jsonPath("$.hits.length()")
                .isEqualTo(2);
    }

    @Test
    void aDeletedDocumentIsGoneFromReadsAndSearches() {
        ingest("[{\"id\": \"del-1\", \"text\": \"ephemeral zebra\", \"metadata\": {\"suite\": \"delete\"}}]");

        client().delete().uri("/documents/del-1").exchange().expectStatus().isNoContent();

        client().get().uri("/documents/del-1").exchange().expectStatus().isNotFound();
        client().get()
                .uri("/search?q=zebra&mode=keyword")
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void concurrentIngestsAndSearchesAllSucceedAndLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int w = writer;
                work.add(pool.submit(() -> ingest(concurrentBatch(w))));
                work.add(pool.submit(() -> client().get()
                        .uri("/search?q=parallel&filter=suite:concurrent")
                        .exchange()
                        .expectStatus()
                        .isOk()));
            }
            for (Future<?> each : work) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        client().get()
                .uri("/search?q=parallel&mode=keyword&filter=suite:concurrent")
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(40);
    }

    private static String concurrentBatch(int writer) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            batch.append(i > 0 ? "," : "")
                    .append("{\"id\": \"c-%d-%d\", \"text\": \"parallel write %d\", ".formatted(writer, i, i))
                    .append("\"metadata\": {\"suite\": \"concurrent\"}}");
        }
        return batch.append("]").toString();
    }

    private void ingest(String json) {
        client().post()
                .uri("/documents")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.failed.length()")
                .isEqualTo(0);
    }
}
