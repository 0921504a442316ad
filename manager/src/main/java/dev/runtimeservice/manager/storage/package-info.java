/** Files the manager writes that must never be seen half-written or by another user. */
@NullMarked
package dev.runtimeservice.manager.storage;

import org.jspecify.annotations.NullMarked;
