package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.web.edge.ClientConnection;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

class ProblemDetailsHandlerTest {

    private final ProblemDetailsHandler handler = new ProblemDetailsHandler(DomainErrors.of(Refused.class)
            .map(HttpStatus.CONFLICT, Refused.Taken.class)
            .map(HttpStatus.UNAUTHORIZED, Refused.Unknown.class)
            .complete());

    /** A domain's sealed errors, as a service has them. */
    abstract static sealed class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }

        static final class Taken extends Refused {
            Taken() {
                super("That name is taken");
            }
        }

        static final class Unknown extends Refused {
            Unknown() {
                super("Nobody of that name");
            }
        }
    }

    @Test
    void a_domain_error_gets_its_status_and_its_message_and_every_401_says_how_to_authenticate() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/things"));

        ResponseEntity<ProblemDetail> taken =
                handler.unexpected(new Refused.Taken(), exchange).block();
        ResponseEntity<ProblemDetail> unknown =
                handler.unexpected(new Refused.Unknown(), exchange).block();

        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getBody()).extracting(ProblemDetail::getDetail).isEqualTo("That name is taken");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unknown.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    }

    @Test
    void any_other_exception_is_a_500_that_tells_the_client_nothing_of_it() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/things"));

        ResponseEntity<ProblemDetail> answer = handler.unexpected(
                        new IllegalStateException("secret internals"), exchange)
                .block();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody())
                .extracting(ProblemDetail::getDetail)
                .asString()
                .doesNotContain("secret");
    }

    @Test
    void a_client_that_hung_up_mid_request_gets_no_answer() {
        IOException reset = new IOException("Connection reset by peer");
        ServerWebExchange exchange = ClientConnection.watched(
                MockServerWebExchange.from(MockServerHttpRequest.post("/things").body(Flux.error(reset))));
        exchange.getRequest().getBody().onErrorComplete().blockLast(); // the handler reading the body meets the reset

        assertThat(handler.unexpected(reset, exchange).blockOptional()).isEmpty();
    }

    @Test
    void a_connection_reset_that_is_not_the_clients_is_a_failure_like_any_other() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/things"));

        ResponseEntity<ProblemDetail> answer = handler.unexpected(new IOException("Connection reset by peer"), exchange)
                .block();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void a_failure_after_the_answer_started_is_not_answered_twice() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/things"));
        exchange.getResponse().setComplete().block();
        Exception late = new IllegalStateException("failed while writing");

        assertThatThrownBy(() -> handler.unexpected(late, exchange).block()).isSameAs(late);
    }

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
