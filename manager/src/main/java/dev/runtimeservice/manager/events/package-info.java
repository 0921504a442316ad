@NullMarked
package dev.runtimeservice.manager.events;

import org.jspecify.annotations.NullMarked;
