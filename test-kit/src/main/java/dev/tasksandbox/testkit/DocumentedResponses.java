package dev.tasksandbox.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.charset.StandardCharsets;
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
 */
public final class DocumentedResponses implements ExchangeFilterFunction {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final Function<String, String> documentOfPath;

    private DocumentedResponses(Function<String, String> documentOfPath) {
        this.documentOfPath = documentOfPath;
    }

    /** Answers of one service, against its own document. */
    public static DocumentedResponses of(String service) {
        return new DocumentedResponses(path -> service);
    }

    /** Answers through the gateway, each against the document of the service that owns its path. */
    public static DocumentedResponses throughGateway() {
        return new DocumentedResponses(path -> path.startsWith("/api/projects") ? "projects" : "accounts");
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String path = request.url().getRawPath();
        if (!path.startsWith("/api/") && !path.startsWith("/.well-known/")) {
            return next.exchange(request); // not the API: Actuator, the documents themselves, Swagger UI
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
                            check(request, response, path, body);
                            return response.mutate().body(body).build();
                        }));
    }

    private void check(ClientRequest request, ClientResponse response, String path, String body) {
        SimpleResponse.Builder answer =
                SimpleResponse.Builder.status(response.statusCode().value());
        response.headers().asHttpHeaders().forEach(answer::withHeader);
        if (!body.isEmpty()) {
            answer.withBody(body);
        }
        ValidationReport report = validator(documentOfPath.apply(path))
                .validateResponse(path, Request.Method.valueOf(request.method().name()), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + request.method() + " " + path + " ("
                    + response.statusCode().value() + ") is not what the OpenAPI document says:\n"
                    + report.getMessages() + "\nbody: " + body);
        }
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
