/**
 * Request ids: taken from {@code X-Request-Id} (or generated), kept in the logging context and echoed.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.trace;

import org.jspecify.annotations.NullMarked;
