package dev.tasksandbox.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of every aggregate: records the events its behaviour caused until the repository that saves it
 * takes them, so that state and events are stored in one transaction.
 */
public abstract class AggregateRoot<ID> {

    private final List<DomainEvent> pendingEvents = new ArrayList<>();

    public abstract ID id();

    protected void record(DomainEvent event) {
        pendingEvents.add(event);
    }

    /** Returns the events recorded since the last call and forgets them. */
    public List<DomainEvent> takeEvents() {
        List<DomainEvent> taken = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return taken;
    }
}
