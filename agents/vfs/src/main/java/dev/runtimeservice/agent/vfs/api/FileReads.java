package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.vfs.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;

/** Reads the first MiB of a file for {@code vfs.read} over A2A: as text when it is UTF-8, else as base64. */
final class FileReads {

    static final int MAX_BYTES = 1024 * 1024;

    private FileReads() {}

    static VfsInputs.Content read(FileStore.ReadableFile file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file.real())) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        boolean truncated = bytes.length > MAX_BYTES;
        byte[] kept = truncated ? java.util.Arrays.copyOf(bytes, MAX_BYTES) : bytes;
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(kept))
                    .toString();
            return new VfsInputs.Content(file.entry(), text, null, truncated);
        } catch (CharacterCodingException binary) {
            return new VfsInputs.Content(file.entry(), null, Base64.getEncoder().encodeToString(kept), truncated);
        }
    }
}
