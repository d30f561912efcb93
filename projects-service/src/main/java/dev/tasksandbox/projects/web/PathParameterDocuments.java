package dev.tasksandbox.projects.web;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The path parameters, documented once as {@link PathParameters} reads them: {@code id} is a project's UUID and
 * {@code number} a task's number from 1. The controllers take both as text so that a malformed one is a 422 that
 * names it, which the chassis documents on every operation with path parameters.
 */
@Component
class PathParameterDocuments implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(PathParameterDocuments::describe);
                    }
                }));
    }

    private static void describe(Parameter parameter) {
        if (!"path".equals(parameter.getIn())) {
            return;
        }
        switch (parameter.getName()) {
            case "id" -> parameter.description("The project's id").schema(new StringSchema().format("uuid"));
            case "number" ->
                parameter
                        .description("The task's number in its project")
                        .schema(new IntegerSchema().minimum(BigDecimal.ONE));
            default -> {}
        }
    }
}
