@NullMarked
package dev.runtimeservice.cli.logs;

import org.jspecify.annotations.NullMarked;
