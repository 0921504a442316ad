/**
 * The vfs exceptions, one per thing the caller can do about it; each is answered as problem+json.
 */
@NullMarked
package dev.runtimeservice.agent.vfs.error;

import org.jspecify.annotations.NullMarked;
