package dev.runtimeservice.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the base URL of the manager that {@link RuntimeTest} started into a field (static or not) or parameter of
 * type {@link java.net.URI}, {@link String} or {@link java.net.URL}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ManagerUrl {}
