package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.kendra.vfs.VfsIngestResult.FailedFile;
import dev.runtimeservice.agent.kendra.vfs.VfsIngestResult.SkippedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads vfs files one at a time into documents, noting each file it skips or cannot read and each it sends. */
final class FileDocuments {

    private final VfsClient vfs;
    private final ObjectMapper json;
    private final VfsIngestRequest request;
    private final long maxFileSize;
    private final List<String> sent = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final List<FailedFile> failed = new ArrayList<>();

    FileDocuments(VfsClient vfs, ObjectMapper json, VfsIngestRequest request, long maxFileSize) {
        this.vfs = vfs;
        this.json = json;
        this.request = request;
        this.maxFileSize = maxFileSize;
    }

    /** Reads a file into a document, or notes why it is left out and answers empty. */
    Optional<JsonNode> read(VfsClient.Entry file) {
        try {
            if (file.size() > maxFileSize) {
                throw tooLarge(file.size());
            }
            byte[] bytes = vfs.read(file.path(), maxFileSize);
            if (bytes.length > maxFileSize) {
                throw tooLarge(bytes.length);
            }
            String text = FileText.decode(bytes);
            if (text.isBlank()) {
                throw new SkippedFileException("empty file; there is no text to index");
            }
            sent.add(file.path());
            return Optional.of(VfsDocument.of(json, request, file.path(), text));
        } catch (SkippedFileException e) {
            skipped.add(new SkippedFile(file.path(), String.valueOf(e.getMessage())));
        } catch (VfsAnswerException | VfsUnavailableException e) {
            failed.add(new FailedFile(file.path(), null, String.valueOf(e.getMessage())));
        }
        return Optional.empty();
    }

    /** The paths of the documents sent, in order: the n-th document of the stream is {@code sent().get(n - 1)}. */
    List<String> sent() {
        return sent;
    }

    List<SkippedFile> skipped() {
        return skipped;
    }

    List<FailedFile> failed() {
        return failed;
    }

    private SkippedFileException tooLarge(long size) {
        return new SkippedFileException(size + " bytes, more than kendra.vfs.max-file-size (" + maxFileSize
                + " bytes); raise KENDRA_VFS_MAX_FILE_SIZE or split the file");
    }
}
