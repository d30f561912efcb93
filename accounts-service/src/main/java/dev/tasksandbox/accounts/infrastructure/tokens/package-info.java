@NullMarked
package dev.tasksandbox.accounts.infrastructure.tokens;

import org.jspecify.annotations.NullMarked;
