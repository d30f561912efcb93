@NullMarked
package dev.tasksandbox.accounts.infrastructure.persistence;

import org.jspecify.annotations.NullMarked;
