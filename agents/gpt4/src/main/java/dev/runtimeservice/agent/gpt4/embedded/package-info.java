/**
 * The embedded provider: a GGUF model run in process by llama.cpp, serving a bounded number of
 * requests at once.
 */
@NullMarked
package dev.runtimeservice.agent.gpt4.embedded;

import org.jspecify.annotations.NullMarked;
