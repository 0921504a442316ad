@NullMarked
package dev.runtimeservice.cli.agents;

import org.jspecify.annotations.NullMarked;
