package dev.tasksandbox.projects.application;

/** The project was changed by someone else between loading and saving it (optimistic locking). */
public final class StaleProject extends RuntimeException {

    public StaleProject() {
        super(null, null, false, false);
    }
}
