@NullMarked
package dev.runtimeservice.manager.agent;

import org.jspecify.annotations.NullMarked;
