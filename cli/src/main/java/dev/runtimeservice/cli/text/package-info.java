@NullMarked
package dev.runtimeservice.cli.text;

import org.jspecify.annotations.NullMarked;
