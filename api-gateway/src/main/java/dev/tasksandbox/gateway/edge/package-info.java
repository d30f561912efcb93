@NullMarked
package dev.tasksandbox.gateway.edge;

import org.jspecify.annotations.NullMarked;
