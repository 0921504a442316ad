@NullMarked
package dev.runtimeservice.manager.logs;

import org.jspecify.annotations.NullMarked;
