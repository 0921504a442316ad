package dev.runtimeservice.agent.kendra.quality;

import dev.runtimeservice.agent.kendra.embedding.TextEmbedder;
import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import dev.runtimeservice.agent.kendra.search.SearchMode;
import dev.runtimeservice.agent.kendra.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark run by hand (not a test): indexing throughput and query latency per mode on copies of
 * the test collection. See docs/benchmarks.md for how to run it and the figures.
 */
public final class SearchBenchmark {

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        float translationWeight = args.length > 1 ? Float.parseFloat(args[1]) : 0.5f;
        Path dir = Files.createTempDirectory("kendra-bench");
        TextEmbedder embedder = new TextEmbedder();
        System.out.printf("translation weight %.2f (0: no query translation)%n", translationWeight);
        try (KendraFixture kendra = new KendraFixture(dir, embedder, translationWeight)) {
            List<IndexedDocument> documents = copies(copies);
            kendra.ingest().ingest(documents.subList(0, 100));
            long start = System.nanoTime();
            for (int from = 100; from < documents.size(); from += 100) {
                kendra.ingest().ingest(documents.subList(from, Math.min(from + 100, documents.size())));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "indexed %d documents in batches of 100 (embedding + commit per batch): %.1f docs/s%n",
                    documents.size() - 100, (documents.size() - 100) / seconds);
            for (SearchMode mode : SearchMode.values()) {
                latency(kendra, mode);
            }
            List<TestCollection.Query> hard = TestCollection.queries(TestCollection.HARD);
            for (SearchMode mode : SearchMode.values()) {
                latency(kendra, mode, hard, "hard-collection queries");
            }
        }
    }

    private static void latency(KendraFixture kendra, SearchMode mode) {
        latency(kendra, mode, TestCollection.queries(), "first collection's queries");
    }

    private static void latency(
            KendraFixture kendra, SearchMode mode, List<TestCollection.Query> queries, String which) {
        for (TestCollection.Query query : queries) {
            kendra.search().search(SearchRequest.of(query.query(), mode, 10));
        }
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (TestCollection.Query query : queries) {
                long start = System.nanoTime();
                kendra.search().search(SearchRequest.of(query.query(), mode, 10));
                nanos.add(System.nanoTime() - start);
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "%-8s %d runs of the %s, top 10 with snippets: p50 %.1f ms, p99 %.1f ms%n",
                mode.label(), sorted.length, which, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static List<IndexedDocument> copies(int copies) {
        List<IndexedDocument> originals = TestCollection.documents();
        List<IndexedDocument> all = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (IndexedDocument d : originals) {
                all.add(new IndexedDocument(
                        d.id() + "-" + copy,
                        d.title(),
                        d.text() + " (copy " + copy + ")",
                        d.uri(),
                        d.language(),
                        d.metadata()));
            }
        }
        return all;
    }
}
