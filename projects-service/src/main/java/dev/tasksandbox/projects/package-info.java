@NullMarked
package dev.tasksandbox.projects;

import org.jspecify.annotations.NullMarked;
