package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.testkit.PublishedDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client team generating code from both published documents at once relies on, which no single service
 * can check: operation ids unique across the two and in the domain's words, every operation tagged, and the
 * headers the API's conventions promise declared wherever they apply.
 */
class PublishedDocumentsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LOWER_CAMEL_CASE = Pattern.compile("[a-z]+([A-Z][a-z]+)+");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    record Operation(String document, String method, String path, JsonNode spec) {}

    @Test
    void operation_ids_are_verbs_and_nouns_unique_across_both_documents() throws IOException {
        List<String> ids = operations().stream()
                .map(operation -> operation.spec().path("operationId").asString())
                .toList();

        assertThat(ids)
                .doesNotHaveDuplicates()
                .allMatch(id -> LOWER_CAMEL_CASE.matcher(id).matches());
        assertThat(ids).contains("registerUser", "archiveProject", "completeTask");
    }

    @Test
    void every_operation_has_one_tag_named_in_the_domains_words() throws IOException {
        assertThat(operations())
                .allSatisfy(operation -> assertThat(operation.spec().path("tags"))
                        .as("%s %s", operation.method(), operation.path())
                        .hasSize(1)
                        .allSatisfy(tag -> assertThat(tag.asString()).matches("[A-Z][a-z]+")));
    }

    @Test
    void every_201_and_303_declares_its_location_and_every_error_its_problem() throws IOException {
        assertThat(operations())
                .allSatisfy(operation -> operation
                        .spec()
                        .path("responses")
                        .properties()
                        .forEach(answer -> {
                            String status = answer.getKey();
                            JsonNode response = answer.getValue();
                            if (status.equals("201") || status.equals("303")) {
                                assertThat(response.path("headers")
                                                .path("Location")
                                                .path("required")
                                                .asBoolean())
                                        .as("Location of %s %s %s", status, operation.method(), operation.path())
                                        .isTrue();
                            }
                            if (status.startsWith("4") || status.startsWith("5")) {
                                assertThat(response.path("content").toString())
                                        .as("problem of %s %s %s", status, operation.method(), operation.path())
                                        .contains("#/components/schemas/ProblemDetail");
                            }
                        }));
    }

    private static List<Operation> operations() throws IOException {
        List<Operation> operations = new ArrayList<>();
        for (String document : List.of("accounts", "projects")) {
            JsonNode paths = JSON.readTree(Files.readString(PublishedDocuments.of(document)))
                    .path("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (String method : METHODS) {
                    if (path.getValue().has(method)) {
                        operations.add(new Operation(
                                document, method, path.getKey(), path.getValue().get(method)));
                    }
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(15);
        return operations;
    }
}
