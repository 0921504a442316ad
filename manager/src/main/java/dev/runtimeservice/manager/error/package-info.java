@NullMarked
package dev.runtimeservice.manager.error;

import org.jspecify.annotations.NullMarked;
