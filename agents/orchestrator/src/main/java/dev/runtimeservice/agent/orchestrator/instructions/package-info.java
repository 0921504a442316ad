/**
 * Instructions: routing answers, LLM-ready prompts and calls to the chosen skill.
 */
@NullMarked
package dev.runtimeservice.agent.orchestrator.instructions;

import org.jspecify.annotations.NullMarked;
