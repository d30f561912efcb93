@NullMarked
package dev.tasksandbox.web;

import org.jspecify.annotations.NullMarked;
