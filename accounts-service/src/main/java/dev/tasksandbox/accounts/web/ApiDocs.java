package dev.tasksandbox.accounts.web;

import dev.tasksandbox.web.ApiDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This service's OpenAPI document at /v3/api-docs, shown by the gateway's Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    @Bean
    OpenAPI accountsApi() {
        return ApiDocumentation.frame(
                "accounts-service",
                "Registration, login (OAuth2 password and refresh_token grants), the profile and the public signing keys. Errors are RFC 9457 problem details.",
                "v1");
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return ApiDocumentation.problemResponses();
    }
}
