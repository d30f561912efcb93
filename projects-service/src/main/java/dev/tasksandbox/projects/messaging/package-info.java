@NullMarked
package dev.tasksandbox.projects.messaging;

import org.jspecify.annotations.NullMarked;
