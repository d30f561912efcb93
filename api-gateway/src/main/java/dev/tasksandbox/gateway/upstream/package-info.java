/**
 * Which instance of a service a request goes to: each service's configured instances, balanced round-robin by
 * Spring Cloud LoadBalancer, without those whose readiness fails or that just refused a connection; a
 * request retried on another instance when it could not be sent; and the pooled connections to them, never one
 * that an instance has closed.
 */
@NullMarked
package dev.tasksandbox.gateway.upstream;

import org.jspecify.annotations.NullMarked;
