package dev.runtimeservice.agent.orchestrator.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.agent.orchestrator.routing.Lexicon;
import org.junit.jupiter.api.Test;

/** Where an instruction is cut into steps (routing each part is measured by {@code RoutingAccuracyTest}). */
class PlannerClausesTest {

    // The router is not needed to cut an instruction: only the lexicon is.
    final Planner planner = new Planner(null, Lexicon.load());

    @Test
    void aConnectorFollowedByANewActionStartsAStep() {
        assertThat(planner.clauses("busca información sobre energía solar y resúmela"))
                .containsExactly("busca información sobre energía solar", "resúmela");
        assertThat(planner.clauses("find the documents about remote work, then give me a short summary"))
                .containsExactly("find the documents about remote work", "give me a short summary");
        assertThat(planner.clauses("Read drafts/email.txt and then rewrite it more politely"))
                .containsExactly("Read drafts/email.txt", "rewrite it more politely");
    }

    @Test
    void thingsJoinedByAndTheSameActionTwiceQuotedTextAndMaterialAfterAColonStayOneStep() {
        assertThat(planner.clauses("Find documents about cats and dogs")).hasSize(1);
        assertThat(planner.clauses("Look through everything we have indexed and find the refund policy"))
                .hasSize(1);
        assertThat(planner.clauses("Save \"search and summarise\" into notes/todo.txt"))
                .hasSize(1);
        assertThat(planner.clauses("Summarise this: we searched and then translated the report"))
                .hasSize(1);
    }

    @Test
    void routingReadsWhatComesBeforeAColonWhenItNamesSomething() {
        assertThat(planner.intent("I need this sentence in French: where is the station?"))
                .isEqualTo("I need this sentence in French");
        assertThat(planner.intent("tl;dr: the results beat expectations"))
                .isEqualTo("tl;dr: the results beat expectations");
    }
}
