@NullMarked
package dev.runtimeservice.manager;

import org.jspecify.annotations.NullMarked;
