package dev.runtimeservice.agent.gpt4.embedded;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a GGUF file's header to tell whether the model ships a chat template; a model without one
 * (a base model) is given plain text rather than llama.cpp's fallback template.
 */
final class GgufMetadata {

    private static final String CHAT_TEMPLATE = "tokenizer.chat_template";
    private static final int STRING = 8;
    private static final int ARRAY = 9;
    private static final int[] SIZES = {1, 1, 2, 2, 4, 4, 4, 1, -1, -1, 8, 8, 8};

    private GgufMetadata() {}

    static boolean hasChatTemplate(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!"GGUF".equals(new String(in.readNBytes(4), StandardCharsets.US_ASCII))) {
                throw new IOException("not a GGUF file");
            }
            int version = u32(in);
            if (version < 2) {
                throw new IOException("GGUF version " + version + " is too old");
            }
            u64(in);
            long pairs = u64(in);
            for (long i = 0; i < pairs; i++) {
                String key = string(in);
                int type = u32(in);
                if (CHAT_TEMPLATE.equals(key)) {
                    return type == STRING;
                }
                skip(in, type);
            }
            return false;
        }
    }

    private static void skip(DataInputStream in, int type) throws IOException {
        if (type == STRING) {
            in.skipNBytes(u64(in));
        } else if (type == ARRAY) {
            int elementType = u32(in);
            long count = u64(in);
            if (elementType == STRING || elementType == ARRAY) {
                for (long i = 0; i < count; i++) {
                    skip(in, elementType);
                }
            } else {
                in.skipNBytes(count * size(elementType));
            }
        } else {
            in.skipNBytes(size(type));
        }
    }

    private static int size(int type) throws IOException {
        if (type < 0 || type >= SIZES.length || SIZES[type] < 0) {
            throw new IOException("unknown GGUF value type " + type);
        }
        return SIZES[type];
    }

    private static String string(DataInputStream in) throws IOException {
        long length = u64(in);
        if (length > 1 << 20) {
            throw new IOException("GGUF key too long");
        }
        return new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
    }

    private static int u32(InputStream in) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) {
            throw new IOException("GGUF header ends early");
        }
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    private static long u64(InputStream in) throws IOException {
        return (u32(in) & 0xffffffffL) | ((long) u32(in)) << 32;
    }
}
