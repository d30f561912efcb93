package dev.tasksandbox.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class ProblemWriterTest {

    private final ProblemWriter writer = new ProblemWriter(ServerCodecConfigurer.create());

    @Test
    void a_problem_is_written_as_problem_json_with_the_request_path_as_its_instance() {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create("/api/%7Bid%7D")));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The service is unavailable");
        problem.setProperty("error", "temporarily_unavailable");

        writer.write(exchange, problem).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("5");
        assertThat(JsonMapper.shared()
                        .readValue(exchange.getResponse().getBodyAsString().block(), Map.class))
                .isEqualTo(Map.of(
                        "title", "Service Unavailable",
                        "status", 503,
                        "detail", "The service is unavailable",
                        "instance", "/api/%7Bid%7D",
                        "error", "temporarily_unavailable"));
    }

    @Test
    void a_committed_response_is_left_as_it_is() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        exchange.getResponse().setComplete().block();

        writer.write(exchange, ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
