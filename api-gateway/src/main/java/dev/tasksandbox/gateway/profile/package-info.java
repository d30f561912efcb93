@NullMarked
package dev.tasksandbox.gateway.profile;

import org.jspecify.annotations.NullMarked;
