/**
 * Which provider serves generation, decided once at start from configuration, environment and
 * the launch's resources.
 */
@NullMarked
package dev.runtimeservice.agent.gpt4.provider;

import org.jspecify.annotations.NullMarked;
