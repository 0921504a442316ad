@NullMarked
package dev.runtimeservice.manager.process;

import org.jspecify.annotations.NullMarked;
