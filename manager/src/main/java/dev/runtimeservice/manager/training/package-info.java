/** The manager's training mode: records the class archive of every jar agent of the catalog, then exits. */
@NullMarked
package dev.runtimeservice.manager.training;

import org.jspecify.annotations.NullMarked;
