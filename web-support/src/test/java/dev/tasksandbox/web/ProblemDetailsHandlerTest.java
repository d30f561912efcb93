package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemDetailsHandlerTest {

    private final ProblemDetailsHandler handler = new ProblemDetailsHandler() {};

    @Test
    void a_database_that_cannot_be_reached_is_a_503_to_retry_not_a_500() {
        for (Exception away : new Exception[] {
            new DataAccessResourceFailureException("Failed to obtain R2DBC Connection"),
            new CannotCreateTransactionException("Could not open R2DBC Connection for transaction")
        }) {
            ResponseEntity<ProblemDetail> answer = handler.databaseUnavailable(away);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(answer.getBody()).isNotNull();
            assertThat(answer.getBody().getDetail()).contains("database is unavailable");
        }
    }
}
