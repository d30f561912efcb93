@NullMarked
package dev.tasksandbox.accounts.infrastructure;

import org.jspecify.annotations.NullMarked;
