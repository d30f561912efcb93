@NullMarked
package dev.tasksandbox.projects.domain;

import org.jspecify.annotations.NullMarked;
