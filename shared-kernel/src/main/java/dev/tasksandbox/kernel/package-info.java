@NullMarked
package dev.tasksandbox.kernel;

import org.jspecify.annotations.NullMarked;
