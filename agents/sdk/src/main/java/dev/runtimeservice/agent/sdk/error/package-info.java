/**
 * SDK exceptions and their mapping to RFC 9457 problem details.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.error;

import org.jspecify.annotations.NullMarked;
