/**
 * The OpenAI-compatible chat-completions provider: OpenAI, Azure OpenAI's v1 API, vLLM, Ollama,
 * llama.cpp's server and the like, with timeouts, retries and one place that maps their errors.
 */
@NullMarked
package dev.runtimeservice.agent.gpt4.remote;

import org.jspecify.annotations.NullMarked;
