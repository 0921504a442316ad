@NullMarked
package dev.runtimeservice.cli.events;

import org.jspecify.annotations.NullMarked;
