/**
 * Which instance of a service a request goes to: each service's configured instances, balanced round-robin by
 * Spring Cloud LoadBalancer, without those whose readiness fails or that just refused a connection, and a
 * request retried on another instance when it could not be sent.
 */
@NullMarked
package dev.tasksandbox.gateway.upstream;

import org.jspecify.annotations.NullMarked;
