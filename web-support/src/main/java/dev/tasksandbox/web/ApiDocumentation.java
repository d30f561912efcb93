package dev.tasksandbox.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
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
 * The OpenAPI conventions every service shares, in one place, so that both documents read alike to a client's
 * tools: every operation needs an access token unless it says otherwise ({@code @SecurityRequirements} with no
 * value), obtained by the OAuth 2 password grant that the document declares (Swagger UI's Authorize button logs in
 * by itself); errors are RFC 9457 problem details ({@link ProblemResponses}); a record's members are required
 * unless {@code @Nullable}, and nullable exactly when they are ({@link RecordNullness}). Controllers declare their
 * tag, their operation id in the domain's words and the errors they answer; a service names its document with
 * {@code api-document.title} and {@code api-document.description}.
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

    /** The security scheme's name: an access token from the token endpoint. */
    public static final String ACCESS_TOKEN = "accessToken";

    /** The problem-detail schema, for an error answer that declares a media type of its own. */
    public static final String PROBLEM_SCHEMA_REF = "#/components/schemas/ProblemDetail";

    /** The token endpoint, as the gateway serves it (the document's server is the gateway). */
    static final String TOKEN_URL = "/api/users/login";

    /**
     * The document's frame. The server is relative, so "Try it out" in the gateway's Swagger UI calls the gateway
     * that served the page, and the token URL is resolved against it too.
     */
    @Bean
    OpenAPI apiDocument(Description api) {
        return new OpenAPI()
                .info(new Info()
                        .title(api.title())
                        .description(api.description())
                        .version(api.version()))
                .servers(List.of(new Server().url("/").description("the API gateway that serves this document")))
                .addSecurityItem(new SecurityRequirement().addList(ACCESS_TOKEN))
                .components(new Components().addSecuritySchemes(ACCESS_TOKEN, passwordGrant()));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    RecordNullness recordNullness() {
        return new RecordNullness();
    }

    private static SecurityScheme passwordGrant() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("A bearer access token (a JWT) from the token endpoint, by the password grant (username"
                        + " = email) or the refresh_token grant")
                .flows(new OAuthFlows()
                        .password(new OAuthFlow()
                                .tokenUrl(TOKEN_URL)
                                .refreshUrl(TOKEN_URL)
                                .scopes(new Scopes())));
    }
}
