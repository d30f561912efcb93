package dev.tasksandbox.outboxrelay;

/** Whether this instance's relay engine runs. Whether it holds the slot is a separate question: see {@link RelayHealth}. */
public enum RelayState {
    /** Not running: disabled, or the application is shutting down. */
    STOPPED,
    /** The engine runs and streams from the slot, or this instance stands by while another one reads it. */
    RUNNING,
    /** The engine stopped on an error and is restarted after the back-off. */
    RESTARTING
}
