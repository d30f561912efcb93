package dev.tasksandbox.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.math.BigDecimal;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every answer of the API has in common, written into each operation so that a generated client knows it:
 * a secured operation can answer 401 with {@code WWW-Authenticate}; every 4xx and 5xx answer is the one
 * problem-detail schema, as {@code application/problem+json} unless the operation declared it under another media
 * type (the token endpoint's {@code application/json}, as RFC 6749 asks); a malformed path parameter is a 422
 * that names it (services read path parameters as text for that reason); an operation that takes a body can
 * refuse its size (413), its media type (415) or its content (422); any operation can meet 502, 503 or 504 when
 * what is behind the gateway is away; every 201 and 303 carries
 * {@code Location}, which is the whole answer of a 303; 429 and 503 say when to come back in {@code Retry-After}.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "ProblemDetail";
    private static final String FIELD_ERROR_SCHEMA = "FieldError";
    private static final String PROBLEM_SCHEMA_REF = ApiDocumentation.PROBLEM_SCHEMA_REF;
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(FIELD_ERROR_SCHEMA, fieldErrorSchema());
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> complete(openApi, operation)));
    }

    private static void complete(OpenAPI openApi, Operation operation) {
        if (isSecured(openApi, operation)) {
            declareIfAbsent(operation, "401", "No valid access token");
        }
        if (hasPathParameters(operation)) {
            declareIfAbsent(operation, "422", "A path parameter is malformed; errors names it");
        }
        if (operation.getRequestBody() != null) {
            declareIfAbsent(operation, "413", "The body is too large");
            declareIfAbsent(operation, "415", "The body is not of a media type this operation reads");
            declareIfAbsent(operation, "422", "The body cannot be read, or a member is refused; errors names it");
        }
        declareIfAbsent(operation, "502", "The gateway: the service behind this path failed to answer");
        declareIfAbsent(operation, "503", "Unavailable for now (a database or a service away, or at capacity)");
        declareIfAbsent(operation, "504", "The gateway: the service behind this path did not answer in time");
        operation.getResponses().forEach(ProblemResponses::complete);
    }

    private static void declareIfAbsent(Operation operation, String status, String description) {
        if (!operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static void complete(String status, ApiResponse response) {
        switch (status) {
            case "201", "303" ->
                response.addHeaderObject(
                        "Location",
                        header(
                                "The path of what was created or changed",
                                new StringSchema().format("uri-reference"),
                                true));
            case "401" ->
                response.addHeaderObject(
                        "WWW-Authenticate",
                        header(
                                "Bearer, with error=\"invalid_token\" when a token was sent and refused",
                                new StringSchema(),
                                true));
            case "429" ->
                response.addHeaderObject(
                        "Retry-After",
                        header(
                                "Seconds until a new attempt can succeed",
                                new IntegerSchema().minimum(BigDecimal.ZERO),
                                true));
            case "503" ->
                response.addHeaderObject(
                        "Retry-After",
                        header(
                                "Seconds to wait, when the service knows",
                                new IntegerSchema().minimum(BigDecimal.ZERO),
                                false));
            default -> {}
        }
        if ((status.startsWith("4") || status.startsWith("5")) && !declaresProblem(response)) {
            response.setContent(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA_REF))));
        }
    }

    private static Header header(String description, Schema<?> schema, boolean required) {
        return new Header().description(description).schema(schema).required(required);
    }

    private static boolean declaresProblem(ApiResponse response) {
        return response.getContent() != null
                && response.getContent().values().stream()
                        .anyMatch(media -> media.getSchema() != null
                                && PROBLEM_SCHEMA_REF.equals(media.getSchema().get$ref()));
    }

    private static boolean hasPathParameters(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
    }

    private static boolean isSecured(OpenAPI openApi, Operation operation) {
        List<SecurityRequirement> security =
                operation.getSecurity() != null ? operation.getSecurity() : openApi.getSecurity();
        return security != null && !security.isEmpty();
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().description("the refused member, as the request named it"))
                .addProperty("message", new StringSchema().description("why, for a human"))
                .required(List.of("field", "message"));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details. A validation error (422) lists each refused field in"
                        + " errors; the token endpoint adds RFC 6749's error and error_description")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri-reference")
                                ._default("about:blank")
                                .description("absent when about:blank (RFC 9457, section 3.1.1)"))
                .addProperty("title", new StringSchema().description("the status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong, for a human"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").description("the path asked"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR_SCHEMA))
                                .description("422 only: each refused field"))
                .addProperty(
                        "error",
                        new StringSchema()
                                .description("token endpoint only (RFC 6749, section 5.2)")
                                ._enum(List.of("invalid_request", "invalid_grant", "unsupported_grant_type")))
                .addProperty("error_description", new StringSchema().description("token endpoint only: the detail"))
                .required(List.of("title", "status", "detail"));
    }
}
