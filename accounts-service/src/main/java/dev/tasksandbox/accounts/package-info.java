@NullMarked
package dev.tasksandbox.accounts;

import org.jspecify.annotations.NullMarked;
