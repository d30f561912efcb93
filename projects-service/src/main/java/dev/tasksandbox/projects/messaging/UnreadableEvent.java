package dev.tasksandbox.projects.messaging;

import org.jspecify.annotations.Nullable;

/** A record on the account events topic that is not a valid event. Retrying cannot help: it is dead-lettered. */
class UnreadableEvent extends RuntimeException {

    UnreadableEvent(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
