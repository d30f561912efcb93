package dev.tasksandbox.projects.web;

import dev.tasksandbox.web.ApiDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This service's OpenAPI document at /v3/api-docs, shown by the gateway's Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    @Bean
    OpenAPI projectsApi() {
        return ApiDocumentation.frame(
                "projects-service",
                "Projects and tasks of the caller. Writes answer 303 See Other to what they changed. Errors are RFC 9457 problem details.",
                "v1");
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return ApiDocumentation.problemResponses();
    }
}
