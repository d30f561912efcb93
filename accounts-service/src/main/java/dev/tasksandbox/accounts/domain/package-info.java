@NullMarked
package dev.tasksandbox.accounts.domain;

import org.jspecify.annotations.NullMarked;
