@NullMarked
package dev.runtimeservice.manager.config;

import org.jspecify.annotations.NullMarked;
