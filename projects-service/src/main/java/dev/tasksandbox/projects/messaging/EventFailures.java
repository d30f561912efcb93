package dev.tasksandbox.projects.messaging;

import dev.tasksandbox.contracts.UnreadableEvent;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that time cures from one it does not, by its causes.
 *
 * <p>Transient: the database or the network is away or broke the connection, a pool is exhausted, an answer
 * timed out, a transaction lost a serialization race or a deadlock. Retrying later can succeed, so the record is
 * retried for as long as it takes and never dead-lettered for it. Anything else is permanent: a record that
 * cannot be read, an event the domain refuses, a statement the database refuses whatever the moment (a value out
 * of range, a violated constraint). Retrying cannot help, so after a few attempts the record goes to the DLT.
 * An unknown failure counts as permanent: a dead letter can be replayed, a stopped partition helps nobody.
 */
final class EventFailures {

    /** SQLSTATE classes of a moment: connection, transaction rollback, resources, operator intervention, system. */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** lock_not_available, query_canceled (a statement timeout). */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "57014");

    private static final int DEEPEST_CAUSE = 16;

    private EventFailures() {}

    /**
     * The failure of the record at {@code index} of a batch, for the container's error handler, as an exception of
     * its kind. The handler starts a record's count anew when the class of its failure changes and picks the
     * back-off by the first failure of a count; a single wrapper class would fix a record's back-off by its first
     * failure for good (a record that first met a database outage would then be retried for ever when it fails for
     * good later).
     */
    static BatchListenerFailedException ofRecord(RuntimeException failure, int index) {
        String message = String.valueOf(failure.getMessage());
        return isTransient(failure)
                ? new TransientFailure(message, failure, index)
                : new PermanentFailure(message, failure, index);
    }

    /** A failure that time may cure: retried for as long as it takes. */
    static final class TransientFailure extends BatchListenerFailedException {
        private static final long serialVersionUID = 1L;

        TransientFailure(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }

    /** A failure that time does not cure: retried a few times, then dead-lettered. */
    static final class PermanentFailure extends BatchListenerFailedException {
        private static final long serialVersionUID = 1L;

        PermanentFailure(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }

    static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < DEEPEST_CAUSE; cause = cause.getCause()) {
            if (cause instanceof UnreadableEvent) {
                return false;
            }
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof R2dbcTransientException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof IOException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof R2dbcException refused && ofAMoment(refused.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    /** A short name of what went wrong, for a meter's tag: the first cause this service raised, or the deepest. */
    static String causeOf(Throwable failure) {
        Throwable deepest = failure;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < DEEPEST_CAUSE; cause = cause.getCause()) {
            if (cause instanceof UnreadableEvent) {
                return UnreadableEvent.class.getSimpleName();
            }
            deepest = cause;
        }
        return deepest.getClass().getSimpleName();
    }

    private static boolean ofAMoment(@Nullable String sqlState) {
        return sqlState != null
                && sqlState.length() == 5
                && (TRANSIENT_SQL_STATE_CLASSES.contains(sqlState.substring(0, 2))
                        || TRANSIENT_SQL_STATES.contains(sqlState));
    }
}
