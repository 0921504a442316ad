@NullMarked
package dev.runtimeservice.manager.security;

import org.jspecify.annotations.NullMarked;
