@NullMarked
package dev.tasksandbox.projects.application;

import org.jspecify.annotations.NullMarked;
