package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillCancelledException;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The {@code ingest-vfs} skill, declared beside the service it runs: {@code POST /ingest/vfs} and A2A call it. */
@Configuration(proxyBeanMethods = false)
class VfsIngestSkill {

    static final String ID = "ingest-vfs";

    @Bean
    Skill<JsonNode> ingestVfsSkill(VfsIngestService service) {
        return Skill.of(
                        new AgentSkill(
                                ID,
                                "Index files from vfs",
                                "POST /ingest/vfs {\"paths\": [...], \"glob\", \"folder\", \"language\", "
                                        + "\"metadata\"} asks the "
                                        + "manager where the vfs agent runs, finds the files (a folder in paths means "
                                        + "every file "
                                        + "below it; the glob is matched below folder) and indexes each UTF-8 text "
                                        + "file as document "
                                        + "vfs:<path> with uri vfs://<path>, titled by its first Markdown heading, "
                                        + "its HTML title or "
                                        + "its name; answers the indexed files with their ids, the skipped ones "
                                        + "(binary, too large) "
                                        + "and the failed ones, each with why. 503 when the manager or vfs is not "
                                        + "running.",
                                List.of("ingest", "index", "vfs", "files", "glob"),
                                List.of(
                                        "Index every Markdown file in vfs: {\"glob\": \"**/*.md\"}",
                                        "Index docs/contrato.md and every file under reports as Spanish: "
                                                + "{\"paths\": [\"docs/contrato.md\", \"reports\"], \"language\": "
                                                + "\"es\"}",
                                        "Index the text files below notes, tagged for the legal team: {\"glob\": "
                                                + "\"**/*.txt\", "
                                                + "\"folder\": \"notes\", \"metadata\": {\"team\": \"legal\"}}")),
                        JsonNode.class,
                        VfsIngestResult.class,
                        (body, context) -> {
                            // Over A2A each file is a progress status, and a cancel stops before the next file.
                            int[] stoppedAt = {0, 0};
                            VfsIngestResult result = service.ingest(body, (position, total, path) -> {
                                if (context.isCancelled()) {
                                    stoppedAt[0] = position;
                                    stoppedAt[1] = total;
                                    return false;
                                }
                                context.progress("Indexing file " + position + " of " + total + ": " + path);
                                return true;
                            });
                            if (stoppedAt[0] > 0) {
                                throw new SkillCancelledException(stopped(result, stoppedAt[0], stoppedAt[1]));
                            }
                            return new SkillResult(
                                    "Indexed " + result.indexed() + " files from vfs; "
                                            + result.skipped().size() + " skipped, "
                                            + result.failed().size() + " failed.",
                                    result);
                        })
                .withInputSchemaOf(VfsIngestRequest.class);
    }

    /**
     * What a cancelled ingest left: the files before the stop are indexed and committed, each whole, and none after
     * it was read; the same request again finishes the job, since a file's document is replaced by its id.
     */
    private static String stopped(VfsIngestResult result, int position, int total) {
        return "Stopped before file " + position + " of " + total + ": " + result.indexed()
                + " files are indexed and committed ("
                + result.documents().stream()
                        .map(VfsIngestResult.IndexedFile::path)
                        .collect(Collectors.joining(", "))
                + "), the rest was not read. Send the same request again to index them all: a file indexed twice "
                + "is replaced, not doubled.";
    }
}
