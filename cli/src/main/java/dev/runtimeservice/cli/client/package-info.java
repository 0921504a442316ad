@NullMarked
package dev.runtimeservice.cli.client;

import org.jspecify.annotations.NullMarked;
