package dev.tasksandbox.contracts;

import dev.tasksandbox.kernel.TraceParent;

/**
 * The topic accounts-service publishes its events to, and what every record on it carries. One user's events
 * share a key, so they land on one partition and are consumed in order.
 */
public final class AccountEvents {

    public static final String TOPIC = "accounts.user-events";
    /** Where a consumer puts a record it cannot handle; as many partitions as {@link #TOPIC}, same partition. */
    public static final String DEAD_LETTER_TOPIC = TOPIC + ".DLT";
    /**
     * Partitions of both topics, wherever they are created. It bounds how many consumers of one group share the
     * work; raising it later moves users to other partitions, so their order holds only from then on.
     */
    public static final int PARTITIONS = 3;

    /** Header: the event id, also in the value; consumers record it to ignore redeliveries. */
    public static final String ID_HEADER = "id";
    /** Header: the kind of event, such as {@link UserAccountCreated#TYPE}; a consumer skips kinds it has no use for. */
    public static final String TYPE_HEADER = "type";
    /** Header: the W3C trace context of the request that caused the event. */
    public static final String TRACEPARENT_HEADER = TraceParent.HEADER;

    private AccountEvents() {}
}
