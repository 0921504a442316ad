@NullMarked
package dev.runtimeservice.manager.api;

import org.jspecify.annotations.NullMarked;
