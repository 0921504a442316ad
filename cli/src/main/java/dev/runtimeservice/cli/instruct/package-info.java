@NullMarked
package dev.runtimeservice.cli.instruct;

import org.jspecify.annotations.NullMarked;
