@NullMarked
package dev.tasksandbox.gateway.problems;

import org.jspecify.annotations.NullMarked;
