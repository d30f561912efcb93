package dev.tasksandbox.web.edge;

import java.net.URI;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes a {@link ProblemDetail} as the answer to an exchange, with the application's own codecs: the same JSON a
 * controller's problem gets (members {@code title, status, detail, instance}, {@code type} unless it is the default
 * {@code about:blank}, then the extension members),
 * for the answers no controller gives: a refused token, a gateway's failure to reach a service, an edge limit.
 */
public final class ProblemWriter {

    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final HttpMessageWriter<ProblemDetail> json;

    public ProblemWriter(ServerCodecConfigurer codecs) {
        this.json = codecs.getWriters().stream()
                .filter(writer -> writer.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .map(ProblemWriter::<ProblemDetail>typed)
                .orElseThrow(() -> new IllegalStateException("No codec writes application/problem+json"));
    }

    /**
     * Sets the status and writes the problem as {@code application/problem+json}; headers the caller set stay.
     * The {@code instance} member, when the problem has none, is the request's path. A response already committed
     * (another writer was first) is left as it is, and nothing is written to a client that went away.
     */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        if (ClientConnection.wentAway(exchange)) {
            return ClientConnection.answerNobody(exchange);
        }
        if (problem.getInstance() == null) {
            problem.setInstance(pathOf(exchange));
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        return json.write(Mono.just(problem), PROBLEM, MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
    }

    private static URI pathOf(ServerWebExchange exchange) {
        // The raw path as the client sent it, percent-encoded, so it is always a valid relative reference.
        return URI.create(exchange.getRequest().getPath().value());
    }

    @SuppressWarnings("unchecked")
    private static <T> HttpMessageWriter<T> typed(HttpMessageWriter<?> writer) {
        return (HttpMessageWriter<T>) writer;
    }
}
