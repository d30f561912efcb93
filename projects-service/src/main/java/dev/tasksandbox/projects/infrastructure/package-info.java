@NullMarked
package dev.tasksandbox.projects.infrastructure;

import org.jspecify.annotations.NullMarked;
