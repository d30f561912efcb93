package dev.tasksandbox.contracts;

import org.jspecify.annotations.Nullable;

/** A record on an event topic that is not a valid event of its type. Retrying cannot help: it is dead-lettered. */
public final class UnreadableEvent extends RuntimeException {

    UnreadableEvent(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
