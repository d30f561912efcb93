package dev.tasksandbox.projects.application;

/**
 * Changes a repository prepared together, one for each of the events they are the effects of, in the same order:
 * the {@link Inbox} makes them at once, each only where its event is new. In PostgreSQL that is one statement for
 * a whole batch of events, where a statement each took a round trip and a commit each.
 */
public interface Writes {

    /** How many changes there are: one per event. */
    int size();

    /** The change at {@code index}, on its own. */
    Write get(int index);
}
