/** How accounts configures the outbox relay (module outbox-relay): where its events go. */
@NullMarked
package dev.tasksandbox.accounts.infrastructure.relay;

import org.jspecify.annotations.NullMarked;
