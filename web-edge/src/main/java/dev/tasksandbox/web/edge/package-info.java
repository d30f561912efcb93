/**
 * What every HTTP edge here shares, the gateway's included: problem details written one way wherever an answer is
 * not a controller's return value, one access line per request under its trace id, and a client that went away
 * told from a failure, and as many event loops as processors.
 */
@NullMarked
package dev.tasksandbox.web.edge;

import org.jspecify.annotations.NullMarked;
