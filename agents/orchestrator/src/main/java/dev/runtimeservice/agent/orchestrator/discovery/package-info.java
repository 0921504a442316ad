/**
 * Discovery: which agents the manager runs, their A2A cards, skills and health.
 */
@NullMarked
package dev.runtimeservice.agent.orchestrator.discovery;

import org.jspecify.annotations.NullMarked;
