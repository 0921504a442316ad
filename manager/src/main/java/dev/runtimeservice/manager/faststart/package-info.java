@NullMarked
package dev.runtimeservice.manager.faststart;

import org.jspecify.annotations.NullMarked;
