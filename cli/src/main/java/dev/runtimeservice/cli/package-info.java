@NullMarked
package dev.runtimeservice.cli;

import org.jspecify.annotations.NullMarked;
