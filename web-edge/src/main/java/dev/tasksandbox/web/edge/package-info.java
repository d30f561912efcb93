/** RFC 9457 problem details, written one way wherever an answer is not a controller's return value. */
@NullMarked
package dev.tasksandbox.web.problems;

import org.jspecify.annotations.NullMarked;
