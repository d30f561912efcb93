@NullMarked
package dev.tasksandbox.projects.infrastructure.persistence;

import org.jspecify.annotations.NullMarked;
