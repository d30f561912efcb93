/** Steps of a request that are worth a span of their own in its trace. */
@NullMarked
package dev.tasksandbox.accounts.infrastructure.tracing;

import org.jspecify.annotations.NullMarked;
