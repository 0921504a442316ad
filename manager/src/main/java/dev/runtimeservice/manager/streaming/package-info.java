@NullMarked
package dev.runtimeservice.manager.streaming;

import org.jspecify.annotations.NullMarked;
