package dev.tasksandbox.projects.application;

import reactor.core.publisher.Mono;

/**
 * A change to stored data that a repository has prepared but not made yet: made on its own by {@link #apply()},
 * or by the {@link Inbox} as the effect of an event. Preparing it lets the inbox's adapter make the change and
 * the record of the event together: in PostgreSQL one statement, one round trip, where a transaction around two
 * statements takes four (begin, record, change, commit).
 */
public interface Write {

    /** Makes the change on its own. */
    Mono<Void> apply();
}
