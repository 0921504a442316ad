package dev.runtimeservice.agent.vfs.api;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** The target of {@code vfs.read} over A2A: the first MiB of the bytes, answered as text when UTF-8, else base64. */
final class FirstBytes implements ByteTarget {

    static final int MAX_BYTES = 1024 * 1024;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Override
    public @Nullable OutputStream open(Delivery delivery) {
        return delivery.unchanged() ? null : buffer;
    }

    @Override
    public long limit() {
        return MAX_BYTES;
    }

    @Override
    public VfsInputs.Content content(Delivery delivery) {
        if (delivery.unchanged()) {
            return new VfsInputs.Content(delivery.entry(), null, null, false);
        }
        byte[] kept = buffer.toByteArray();
        boolean truncated = delivery.length() > kept.length;
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(kept))
                    .toString();
            return new VfsInputs.Content(delivery.entry(), text, null, truncated);
        } catch (CharacterCodingException binary) {
            return new VfsInputs.Content(
                    delivery.entry(), null, Base64.getEncoder().encodeToString(kept), truncated);
        }
    }
}
