@NullMarked
package dev.tasksandbox.accounts.infrastructure.hashing;

import org.jspecify.annotations.NullMarked;
