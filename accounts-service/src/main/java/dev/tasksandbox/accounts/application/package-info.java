@NullMarked
package dev.tasksandbox.accounts.application;

import org.jspecify.annotations.NullMarked;
