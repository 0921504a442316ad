package dev.runtimeservice.agent.kendra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.agent.kendra.index.LuceneIndex;
import dev.runtimeservice.testsupport.A2aClients;
import dev.runtimeservice.testsupport.A2aStreamErrors;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cancelling an A2A ingest on the real agent (real Lucene, real embedding model), through the official A2A Java
 * client: the batch stops between two documents, the task ends canceled once it stopped, and the index holds
 * exactly the documents before the stop, each whole and committed, and nothing after.
 */
class IngestCancelTests extends AgentHttpTest {

    private static final int DOCUMENTS = 4000;
    private static final Pattern INDEXED = Pattern.compile("(\\d+) of them are indexed and committed");

    @Autowired
    LuceneIndex index;

    final A2aStreamErrors errors = new A2aStreamErrors();

    @Test
    void aCancelledIngestStopsBetweenDocumentsAndLeavesTheDocumentsBeforeTheStopIndexed() throws Exception {
        String prefix = "cancel-" + UUID.randomUUID() + "-";
        int before = index.count();
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        A2aClients.jsonRpc(port, true).sendMessage(batch(prefix), List.of((e, c) -> events.add(e)), errors, null);
        // The first chunk is in: the batch streams progress as it goes.
        await().atMost(Duration.ofSeconds(60)).until(() -> events.stream().anyMatch(IngestCancelTests::isProgress));
        String id = task(events.get(0)).id();

        Task cancelled = A2aClients.jsonRpc(port, false).cancelTask(new TaskIdParams(id), null);

        assertThat(cancelled.status().state()).isEqualTo(TaskState.TASK_STATE_CANCELED);
        String said = ((TextPart) cancelled.status().message().parts().get(0)).text();
        Matcher indexed = INDEXED.matcher(said);
        assertThat(indexed.find()).as(said).isTrue();
        int kept = Integer.parseInt(indexed.group(1));
        assertThat(kept).isBetween(1, DOCUMENTS - 1);
        // The cancel answered once the work had stopped: nothing is added after it.
        int after = index.count();
        assertThat(after - before).isEqualTo(kept);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> index.count() == after);
        assertThat(index.find(prefix + 1))
                .get()
                .satisfies(d -> assertThat(d.text()).isEqualTo(text(1)));
        assertThat(index.find(prefix + kept))
                .get()
                .satisfies(d -> assertThat(d.text()).isEqualTo(text(kept)));
        assertThat(index.find(prefix + (kept + 1))).isEmpty();
        Task read = A2aClients.jsonRpc(port, false).getTask(new TaskQueryParams(id), null);
        assertThat(read.status().state()).isEqualTo(TaskState.TASK_STATE_CANCELED);
    }

    private static Message batch(String prefix) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int n = 1; n <= DOCUMENTS; n++) {
            documents.add(Map.of("id", prefix + n, "text", text(n), "language", "en"));
        }
        return Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .metadata(Map.of("skill", "ingest"))
                .parts(new DataPart(Map.of("documents", documents)))
                .build();
    }

    private static String text(int n) {
        return "Report number " + n + " on wind turbines, solar panels and the electricity grid.";
    }

    private static boolean isProgress(ClientEvent event) {
        return event instanceof TaskUpdateEvent update
                && update.getUpdateEvent() instanceof TaskStatusUpdateEvent status
                && status.status().state() == TaskState.TASK_STATE_WORKING
                && status.status().message() != null;
    }

    private static Task task(ClientEvent event) {
        return event instanceof TaskEvent t ? t.getTask() : ((TaskUpdateEvent) event).getTask();
    }

    @AfterEach
    void assertNoAgentError() {
        errors.assertNoneFromAgent();
    }
}
