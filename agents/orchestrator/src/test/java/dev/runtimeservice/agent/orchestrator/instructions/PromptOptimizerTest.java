package dev.runtimeservice.agent.orchestrator.instructions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptOptimizerTest {

    @Test
    void theTaskLosesCourtesyButKeepsItsMeaning() {
        assertThat(PromptOptimizer.task("  please   could you list the files in docs "))
                .isEqualTo("List the files in docs.");
        assertThat(PromptOptimizer.task("¿Puedes resumir este texto, por favor?"))
                .isEqualTo("Resumir este texto.");
        assertThat(PromptOptimizer.task("¿Qué archivos hay en docs?")).isEqualTo("¿Qué archivos hay en docs?");
        assertThat(PromptOptimizer.task("hola, busca información sobre IA")).isEqualTo("Busca información sobre IA.");
    }

    @Test
    void theContextDropsTheHttpCallACardsDescriptionStartsWith() {
        assertThat(PromptOptimizer.firstSentence("POST /search {\"query\", \"mode\"} ranks the documents. More."))
                .isEqualTo("Ranks the documents.");
        assertThat(PromptOptimizer.firstSentence("Lists a folder. GET /fs/list"))
                .isEqualTo("Lists a folder.");
        assertThat(PromptOptimizer.firstSentence("word ".repeat(60)))
                .hasSizeLessThanOrEqualTo(202)
                .endsWith(" …");
    }
}
