package dev.runtimeservice.agent.vfs.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.runtimeservice.agent.vfs.store.Entry;
import jakarta.validation.constraints.NotBlank;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** The inputs of the vfs skills, as A2A data parts carry them and as the REST controllers build them. */
final class VfsInputs {

    private VfsInputs() {}

    /**
     * Input of {@code vfs.list}.
     *
     * @param path the folder; none is the root
     * @param offset how many entries to skip
     * @param limit how many entries to return
     */
    record ListFolder(
            @Nullable String path,
            @Nullable Integer offset,
            @Nullable Integer limit) {}

    /**
     * Input of {@code vfs.stat}.
     *
     * @param path the file or folder; none is the root
     */
    record OnePath(@Nullable String path) {}

    /**
     * Input of {@code vfs.read}; {@code GET /fs/content} fills it from its query and headers.
     *
     * @param path the file
     * @param range one byte range, as in a Range header ({@code bytes=0-99})
     * @param ifRange the ETag the file must still have for the range to apply; else the whole file is read
     * @param ifNoneMatch the ETag the caller has; when it still matches, no bytes are sent
     * @param target where the bytes go: the REST response; none over A2A (the first MiB is answered)
     */
    record Read(
            @Nullable String path,
            @Nullable String range,
            @JsonProperty("if_range") @Nullable String ifRange,
            @JsonProperty("if_none_match") @Nullable String ifNoneMatch,
            @JsonIgnore @Nullable ByteTarget target) {}

    /**
     * The bytes of a {@code PUT /fs/content} request, which never pass through JSON.
     *
     * @param stream the request body
     * @param length its length, or -1 when the client did not say
     */
    record Body(InputStream stream, long length) {}

    /**
     * Input of {@code vfs.mkdir}.
     *
     * @param path the folder to create
     * @param parents whether to create missing parents
     */
    record MakeFolder(@NotBlank String path, @Nullable Boolean parents) {}

    /**
     * Input of {@code vfs.move}.
     *
     * @param from what to move
     * @param to where to
     * @param overwrite whether to replace an existing file or empty folder
     */
    record Move(
            @NotBlank String from,
            @NotBlank String to,
            @Nullable Boolean overwrite) {}

    /**
     * Input of {@code vfs.delete}.
     *
     * @param path what to delete
     * @param recursive whether a folder goes with everything in it
     * @param ifMatch the ETag the file must still have
     */
    record Delete(
            @NotBlank String path,
            @Nullable Boolean recursive,
            @JsonProperty("if_match") @Nullable String ifMatch) {}

    /**
     * Input of {@code vfs.write}; {@code PUT /fs/content} fills it from its query, headers and body.
     *
     * @param path the file
     * @param text its new content, as UTF-8 text (over A2A)
     * @param parents whether to create missing folders
     * @param ifMatch the ETag the file must still have
     * @param ifNoneMatch {@code *} to only create
     * @param body its new content as any bytes (over REST); wins over {@code text}
     */
    record Write(
            @Nullable String path,
            @Nullable String text,
            @Nullable Boolean parents,
            @JsonProperty("if_match") @Nullable String ifMatch,
            @JsonProperty("if_none_match") @Nullable String ifNoneMatch,
            @JsonIgnore @Nullable Body body) {}

    /**
     * Output of {@code vfs.write}: the file, with its fields at the top level, and whether the write created it.
     *
     * @param entry the file as written
     * @param created whether it did not exist before (REST answers 201 then, else 200)
     */
    record Written(@JsonUnwrapped Entry entry, boolean created) {}

    /**
     * Input of {@code vfs.search}.
     *
     * @param path the folder to search below; none is the root
     * @param glob a glob such as {@code **}{@code /*.md}
     * @param text a text the files must contain
     * @param caseSensitive whether the text match is case-sensitive
     * @param limit the most hits
     */
    record Search(
            @Nullable String path,
            @Nullable String glob,
            @Nullable String text,
            @JsonProperty("case_sensitive") @Nullable Boolean caseSensitive,
            @Nullable Integer limit) {}

    /**
     * Output of {@code vfs.read}: a text file's content, or a binary file's bytes in base64; neither when the
     * caller's ETag still matched, or when the bytes went straight to a REST response.
     *
     * @param entry the file
     * @param text its content when it is UTF-8 text
     * @param base64 its bytes otherwise
     * @param truncated whether only the first bytes are returned (read the rest with a range)
     */
    record Content(
            Entry entry, @Nullable String text, @Nullable String base64, boolean truncated) {}
}
