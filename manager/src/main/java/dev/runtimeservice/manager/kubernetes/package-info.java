/**
 * The Kubernetes backend ({@code RUNTIME_BACKEND=kubernetes}): each launched agent runs as a Pod with a Service and a
 * Secret in {@code RUNTIME_NAMESPACE}, through the fabric8 client, behind the same {@code AgentHost} seam as local
 * processes. Nothing here is loaded while the backend is local.
 */
@NullMarked
package dev.runtimeservice.manager.kubernetes;

import org.jspecify.annotations.NullMarked;
