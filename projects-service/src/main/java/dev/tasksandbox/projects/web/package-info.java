@NullMarked
package dev.tasksandbox.projects.web;

import org.jspecify.annotations.NullMarked;
