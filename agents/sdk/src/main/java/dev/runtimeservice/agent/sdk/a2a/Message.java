package dev.runtimeservice.agent.sdk.a2a;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One turn of communication between client and agent.
 *
 * @param messageId the sender's id of the message
 * @param contextId the conversation it belongs to
 * @param taskId the task it belongs to
 * @param role who sent it
 * @param parts what it says
 * @param metadata optional metadata; {@code skill} names the skill the client wants
 * @param extensions extension URIs, unused here
 * @param referenceTaskIds tasks it refers to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(
        @Nullable String messageId,
        @Nullable String contextId,
        @Nullable String taskId,
        @Nullable Role role,
        @Nullable List<Part> parts,
        @Nullable Map<String, Object> metadata,
        @Nullable List<String> extensions,
        @Nullable List<String> referenceTaskIds) {

    /**
     * A message from the agent.
     *
     * @param task the task it belongs to
     * @param contextId the conversation
     * @param text what it says
     * @return the message
     */
    public static Message fromAgent(String task, String contextId, String text) {
        return new Message(
                UUID.randomUUID().toString(),
                contextId,
                task,
                Role.ROLE_AGENT,
                List.of(Part.text(text)),
                null,
                null,
                null);
    }

    /** @return the parts, never null */
    public List<Part> partsOrEmpty() {
        return parts == null ? List.of() : parts;
    }

    /** @return the text parts joined by new lines */
    public String text() {
        return String.join(
                "\n",
                partsOrEmpty().stream()
                        .filter(p -> p.text() != null)
                        .map(Part::text)
                        .toList());
    }
}
