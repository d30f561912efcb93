package dev.tasksandbox.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI conventions every service shares, in one place: every operation needs a bearer access token unless
 * it says otherwise ({@code @SecurityRequirements} with no value), a secured operation can answer 401, and every
 * 4xx or 5xx answer is an RFC 9457 problem detail. Controllers declare only which errors they answer and why; a
 * service names its document with {@code api-document.title} and {@code api-document.description}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocumentation.Description.class)
public class ApiDocumentation {

    /**
     * What a service's document says of it.
     *
     * @param title       the service's name
     * @param description what it does, for the Swagger UI's reader
     * @param version     the API's version
     */
    @ConfigurationProperties("api-document")
    record Description(
            String title,
            String description,
            @DefaultValue("v1") String version) {}

    public static final String BEARER = "bearer-jwt";
    private static final String PROBLEM_SCHEMA = "ProblemDetail";
    /** The problem-detail schema, for an error answer that declares a media type of its own. */
    public static final String PROBLEM_SCHEMA_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * The document's frame. The server is relative, so "Try it out" in the gateway's Swagger UI calls the gateway
     * that served the page.
     */
    @Bean
    OpenAPI apiDocument(Description api) {
        return new OpenAPI()
                .info(new Info()
                        .title(api.title())
                        .description(api.description())
                        .version(api.version()))
                .servers(List.of(new Server().url("/").description("the API gateway that serves this document")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from POST /api/users/login"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()));
    }

    /**
     * Adds the 401 of secured operations, and gives every error answer the problem-detail body as
     * {@code application/problem+json}, unless the operation declared the problem under another media type (the
     * token endpoint's errors are {@code application/json}, as RFC 6749 asks).
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (isSecured(openApi, operation)
                            && !operation.getResponses().containsKey("401")) {
                        operation
                                .getResponses()
                                .addApiResponse(
                                        "401",
                                        new ApiResponse().description("No valid access token; see WWW-Authenticate"));
                    }
                    operation.getResponses().forEach((status, response) -> {
                        if ((status.startsWith("4") || status.startsWith("5")) && !declaresProblem(response)) {
                            response.setContent(new Content()
                                    .addMediaType(
                                            PROBLEM_JSON,
                                            new MediaType()
                                                    .schema(new Schema<>()
                                                            .$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
                        }
                    });
                }));
    }

    private static boolean declaresProblem(ApiResponse response) {
        return response.getContent() != null
                && response.getContent().values().stream()
                        .anyMatch(media -> media.getSchema() != null
                                && PROBLEM_SCHEMA_REF.equals(media.getSchema().get$ref()));
    }

    private static boolean isSecured(OpenAPI openApi, Operation operation) {
        List<SecurityRequirement> security =
                operation.getSecurity() != null ? operation.getSecurity() : openApi.getSecurity();
        return security != null && !security.isEmpty();
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; validation errors (422) list each refused field in errors")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what went wrong, for a human"))
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
    }
}
