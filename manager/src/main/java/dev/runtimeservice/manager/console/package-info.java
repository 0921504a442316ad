@NullMarked
package dev.runtimeservice.manager.console;

import org.jspecify.annotations.NullMarked;
