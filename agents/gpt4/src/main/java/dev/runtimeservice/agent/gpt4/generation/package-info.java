/**
 * What generation is, whatever provider serves it: requests, results, the provider interface,
 * limits and the errors a caller can act on.
 */
@NullMarked
package dev.runtimeservice.agent.gpt4.generation;

import org.jspecify.annotations.NullMarked;
