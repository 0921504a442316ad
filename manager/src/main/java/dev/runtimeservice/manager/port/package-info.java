@NullMarked
package dev.runtimeservice.manager.port;

import org.jspecify.annotations.NullMarked;
