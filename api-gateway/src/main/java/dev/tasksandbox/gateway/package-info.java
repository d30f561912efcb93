@NullMarked
package dev.tasksandbox.gateway;

import org.jspecify.annotations.NullMarked;
