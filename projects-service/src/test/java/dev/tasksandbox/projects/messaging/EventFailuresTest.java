package dev.tasksandbox.projects.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.contracts.AccountEventCodec;
import dev.tasksandbox.contracts.UnreadableEvent;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.r2dbc.UncategorizedR2dbcException;

class EventFailuresTest {

    /**
     * The error handler starts a record's retries anew when the class of its failure changes, and picks the back-off
     * by the failure that starts them: a record whose failure turns from transient to permanent must not keep the
     * endless back-off of the first (its partition would stop for good).
     */
    @Test
    void a_record_that_failed_is_named_to_the_error_handler_by_an_exception_of_its_failures_kind() {
        var away =
                EventFailures.ofRecord(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection"), 3);
        var refused = EventFailures.ofRecord(new DataIntegrityViolationException("value out of range"), 3);

        assertThat(away).isInstanceOf(EventFailures.TransientFailure.class);
        assertThat(refused).isInstanceOf(EventFailures.PermanentFailure.class);
        assertThat(away.getClass()).isNotEqualTo(refused.getClass());
        assertThat(away.getIndex()).isEqualTo(3);
        assertThat(EventFailures.causeOf(refused)).isEqualTo("DataIntegrityViolationException");
    }

    @Test
    void the_database_being_away_is_transient_however_deep_the_cause() {
        Throwable failure = asTheListenerThrowsIt(new DataAccessResourceFailureException(
                "Failed to obtain R2DBC Connection", new ConnectException("Connection refused")));

        assertThat(EventFailures.isTransient(failure)).isTrue();
    }

    @Test
    void a_broken_connection_a_full_pool_and_a_timeout_are_transient() {
        assertThat(EventFailures.isTransient(new R2dbcNonTransientResourceException("connection closed")))
                .isTrue();
        assertThat(EventFailures.isTransient(new R2dbcTransientResourceException("too many clients")))
                .isTrue();
        assertThat(EventFailures.isTransient(
                        new IllegalStateException("Timeout on blocking read", new TimeoutException())))
                .isTrue();
    }

    @Test
    void a_serialization_failure_and_a_deadlock_are_transient() {
        assertThat(EventFailures.isTransient(new R2dbcRollbackException("could not serialize", "40001")))
                .isTrue();
        assertThat(EventFailures.isTransient(new UncategorizedR2dbcException(
                        "insert", "sql", new R2dbcNonTransientException("deadlock detected", "40P01") {})))
                .isTrue();
    }

    @Test
    void a_value_the_database_refuses_is_permanent() {
        Throwable outOfRange = asTheListenerThrowsIt(new UncategorizedR2dbcException(
                "insert", "sql", new R2dbcNonTransientException("timestamp out of range", "22008") {}));
        Throwable violation = new DataIntegrityViolationException(
                "insert", new R2dbcDataIntegrityViolationException("check violated", "23514"));

        assertThat(EventFailures.isTransient(outOfRange)).isFalse();
        assertThat(EventFailures.isTransient(violation)).isFalse();
    }

    @Test
    void an_unreadable_record_is_permanent_and_named_so() {
        UnreadableEvent unreadable = unreadable();

        assertThat(EventFailures.isTransient(asTheListenerThrowsIt(unreadable))).isFalse();
        assertThat(EventFailures.causeOf(asTheListenerThrowsIt(unreadable))).isEqualTo("UnreadableEvent");
    }

    @Test
    void an_unknown_failure_is_permanent_and_named_by_its_deepest_cause() {
        Throwable failure = asTheListenerThrowsIt(new IllegalStateException("surprise", new ArithmeticException()));

        assertThat(EventFailures.isTransient(failure)).isFalse();
        assertThat(EventFailures.causeOf(failure)).isEqualTo("ArithmeticException");
    }

    private static Throwable asTheListenerThrowsIt(Throwable cause) {
        return new ListenerExecutionFailedException("Listener failed", cause);
    }

    private static UnreadableEvent unreadable() {
        try {
            new AccountEventCodec()
                    .decode("UserAccountCreated", "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new AssertionError("the codec read what is not an event");
        } catch (UnreadableEvent e) {
            return e;
        }
    }
}
