@NullMarked
package dev.tasksandbox.projects.infrastructure.security;

import org.jspecify.annotations.NullMarked;
