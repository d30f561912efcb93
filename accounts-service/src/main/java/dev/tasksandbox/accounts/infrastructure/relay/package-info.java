@NullMarked
package dev.tasksandbox.accounts.infrastructure.relay;

import org.jspecify.annotations.NullMarked;
