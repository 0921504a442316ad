@NullMarked
package dev.runtimeservice.manager.resources;

import org.jspecify.annotations.NullMarked;
