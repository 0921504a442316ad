package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.kendra.ingest.IngestResult;
import dev.runtimeservice.agent.kendra.ingest.IngestService;
import dev.runtimeservice.agent.kendra.vfs.VfsIngestResult.FailedFile;
import dev.runtimeservice.agent.kendra.vfs.VfsIngestResult.IndexedFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Indexes files of the vfs agent by path or glob: finds vfs, selects the files, reads and indexes each. */
final class VfsIngestService {

    private final VfsLocator locator;
    private final IngestService ingest;
    private final VfsIngestProperties properties;
    private final ObjectMapper json;

    VfsIngestService(VfsLocator locator, IngestService ingest, VfsIngestProperties properties, ObjectMapper json) {
        this.locator = locator;
        this.ingest = ingest;
        this.properties = properties;
        this.json = json;
    }

    VfsIngestResult ingest(JsonNode body) {
        return ingest(body, FileProgress.NONE);
    }

    /**
     * Indexes the files, telling {@code progress} before each one; when it answers false no further file is read,
     * and what was read is committed as usual.
     */
    VfsIngestResult ingest(JsonNode body, FileProgress progress) {
        long start = System.nanoTime();
        VfsIngestRequest request = VfsIngestRequest.from(body, properties.maxFiles());
        checkDefaults(request);
        VfsClient vfs = locator.locate();
        FileSelection selection = FileSelection.of(vfs, request, properties.maxFiles());
        FileDocuments documents =
                new FileDocuments(vfs, json, request, properties.maxFileSize().toBytes());
        List<VfsClient.Entry> files = selection.files();
        java.util.concurrent.atomic.AtomicInteger position = new java.util.concurrent.atomic.AtomicInteger();
        IngestResult result = ingest.ingestNodes(files.stream()
                .takeWhile(file -> progress.next(position.incrementAndGet(), files.size(), file.path()))
                .map(documents::read)
                .flatMap(Optional::stream));

        List<FailedFile> failed = new ArrayList<>(selection.failed());
        failed.addAll(documents.failed());
        Set<String> notIndexed = new HashSet<>();
        for (IngestResult.Failure failure : result.failed()) {
            String path = documents.sent().get((int) failure.position() - 1);
            notIndexed.add(path);
            failed.add(new FailedFile(path, failure.id(), failure.error()));
        }
        List<IndexedFile> indexed = documents.sent().stream()
                .filter(path -> !notIndexed.contains(path))
                .map(path -> new IndexedFile(path, VfsDocument.idOf(path)))
                .toList();
        List<VfsIngestResult.SkippedFile> skipped = new ArrayList<>(selection.skipped());
        skipped.addAll(documents.skipped());
        return new VfsIngestResult(
                result.indexed(),
                indexed,
                skipped,
                failed,
                selection.truncated(),
                vfs.base().toString(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Checks the language and metadata every file gets once, before anything is read. */
    private void checkDefaults(VfsIngestRequest request) {
        ingest.problemWith(VfsDocument.of(json, request, "probe.txt", "probe")).ifPresent(problem -> {
            throw new InvalidVfsIngestException(
                    "The 'language' or 'metadata' given for every file is not valid: " + problem + ".");
        });
    }
}
