/**
 * Files the manager writes that must never be seen half-written or by another user, and the folders it keeps them
 * in.
 */
@NullMarked
package dev.runtimeservice.manager.storage;

import org.jspecify.annotations.NullMarked;
