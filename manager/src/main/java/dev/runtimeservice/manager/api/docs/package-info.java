/**
 * The API's description ({@code /v3/api-docs}) and its UI ({@code /swagger-ui.html}), from springdoc, made at their
 * first request rather than at boot.
 */
@NullMarked
package dev.runtimeservice.manager.api.docs;

import org.jspecify.annotations.NullMarked;
