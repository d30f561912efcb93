@NullMarked
package dev.tasksandbox.localstack;

import org.jspecify.annotations.NullMarked;
