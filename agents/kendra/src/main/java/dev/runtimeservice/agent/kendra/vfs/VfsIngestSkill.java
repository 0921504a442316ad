package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import java.util.List;
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
                                "POST /ingest/vfs {\"paths\": [...], \"glob\", \"folder\", \"language\", \"metadata\"} asks the "
                                        + "manager where the vfs agent runs, finds the files (a folder in paths means every file "
                                        + "below it; the glob is matched below folder) and indexes each UTF-8 text file as document "
                                        + "vfs:<path> with uri vfs://<path>, titled by its first Markdown heading, its HTML title or "
                                        + "its name; answers the indexed files with their ids, the skipped ones (binary, too large) "
                                        + "and the failed ones, each with why. 503 when the manager or vfs is not running.",
                                List.of("ingest", "index", "vfs", "files", "glob"),
                                List.of(
                                        "Index every Markdown file in vfs: {\"glob\": \"**/*.md\"}",
                                        "Index docs/contrato.md and every file under reports as Spanish: "
                                                + "{\"paths\": [\"docs/contrato.md\", \"reports\"], \"language\": \"es\"}",
                                        "Index the text files below notes, tagged for the legal team: {\"glob\": \"**/*.txt\", "
                                                + "\"folder\": \"notes\", \"metadata\": {\"team\": \"legal\"}}")),
                        JsonNode.class,
                        VfsIngestResult.class,
                        (body, context) -> {
                            // Over A2A each file is a progress status, and a cancel stops before the next file.
                            VfsIngestResult result = service.ingest(body, (position, total, path) -> {
                                if (context.isCancelled()) {
                                    return false;
                                }
                                context.progress("Indexing file " + position + " of " + total + ": " + path);
                                return true;
                            });
                            return new SkillResult(
                                    "Indexed " + result.indexed() + " files from vfs; "
                                            + result.skipped().size() + " skipped, "
                                            + result.failed().size() + " failed.",
                                    result);
                        })
                .withInputSchemaOf(VfsIngestRequest.class);
    }
}
