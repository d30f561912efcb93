package dev.tasksandbox.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Holds every answer a test receives from the API to the published OpenAPI document ({@link PublishedDocuments}):
 * a status the operation does not declare, a member the schema does not have, a required member or header that is
 * missing, a wrong type or format, all fail the test that received it. So the documents cannot drift from what the
 * services do. Requests are not checked: tests send wrong ones on purpose.
 *
 * <p>Atlassian's swagger-request-validator does the checking: it matches a path to its operation and checks
 * status, headers, content type and body against the schema. Members a schema does not declare are errors here
 * (its default ignores them), since the documents claim to be exact.
 *
 * <p>A document is parsed when its filter is made, not on the first answer: on a cold JVM the parse takes
 * seconds, and inside a test JVM's first exchange it counted against the client's response timeout (5 s), so on
 * a slow machine that first request failed before anything was checked.
 */
public final class DocumentedResponses implements ExchangeFilterFunction {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final Function<String, String> documentOfPath;

    private DocumentedResponses(Function<String, String> documentOfPath) {
        this.documentOfPath = documentOfPath;
    }

    /** Answers of one service, against its own document. */
    public static DocumentedResponses of(String service) {
        validator(service);
        return new DocumentedResponses(path -> service);
    }

    /** Answers of the API, each against the document of the service that owns its path: through the gateway too. */
    public static DocumentedResponses ofTheApi() {
        validator("projects");
        validator("accounts");
        return new DocumentedResponses(path -> path.startsWith("/api/projects") ? "projects" : "accounts");
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String path = request.url().getPath();
        if (!isApi(path)) {
            return next.exchange(request);
        }
        return next.exchange(request)
                .flatMap(response -> DataBufferUtils.join(response.body((message, context) -> message.getBody()))
                        .map(buffer -> {
                            String body = buffer.toString(StandardCharsets.UTF_8);
                            DataBufferUtils.release(buffer);
                            return body;
                        })
                        .defaultIfEmpty("")
                        .map(body -> {
                            Map<String, List<String>> headers = new LinkedHashMap<>();
                            response.headers().asHttpHeaders().forEach(headers::put);
                            check(
                                    request.method().name(),
                                    path,
                                    response.statusCode().value(),
                                    headers,
                                    body);
                            return response.mutate().body(body).build();
                        }));
    }

    /**
     * Fails unless the answer {@code status}, {@code headers}, {@code body} to {@code method path} is what the
     * document says. {@code path} is decoded, as the services match it; a path outside the API (Actuator, the
     * documents, Swagger UI) and a CORS preflight ({@code OPTIONS}) are not checked.
     */
    public void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
        if (!isApi(path) || method.equals("OPTIONS")) {
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
        headers.forEach(answer::withHeader);
        if (!body.isEmpty()) {
            answer.withBody(body);
        }
        ValidationReport report = validator(documentOfPath.apply(path))
                .validateResponse(path, Request.Method.valueOf(method), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + method + " " + path + " (" + status
                    + ") is not what the OpenAPI document says:\n" + report.getMessages() + "\nbody: " + body);
        }
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/.well-known/");
    }

    private static OpenApiInteractionValidator validator(String service) {
        return VALIDATORS.computeIfAbsent(
                service,
                name -> OpenApiInteractionValidator.createForSpecificationUrl(
                                PublishedDocuments.of(name).toUri().toString())
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                                .build())
                        .build());
    }
}
