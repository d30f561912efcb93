package dev.tasksandbox.accounts.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.tasksandbox.kernel.UserAccountCreated;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two descriptions of the event agree: every example message in the consumers' pacts is valid against the
 * JSON Schema in shared-kernel, formats included. Reads the pact files written earlier in this build.
 */
class EventPactMatchesSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path PACTS = Path.of(System.getProperty("pact.folder", "../target/pacts"));
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        try (InputStream resource = UserAccountCreated.class.getResourceAsStream(UserAccountCreated.SCHEMA_RESOURCE)) {
            schema = registry.getSchema(resource);
        }
    }

    @Test
    void every_example_event_in_the_pacts_is_valid_against_the_schema() throws IOException {
        List<JsonNode> examples = exampleEvents();

        assertThat(examples)
                .as("example events in the pacts of " + PACTS.toAbsolutePath())
                .isNotEmpty();
        for (JsonNode example : examples) {
            assertThat(schema.validate(example)).as(example.toString()).isEmpty();
        }
    }

    @Test
    void the_schema_refuses_an_event_with_a_renamed_field() throws IOException {
        ObjectNode renamed = (ObjectNode) exampleEvents().get(0).deepCopy();
        renamed.set("accountId", renamed.remove("userId"));

        List<Error> errors = schema.validate(renamed);

        assertThat(errors)
                .extracting(Error::getMessage)
                .anySatisfy(message -> assertThat(message).contains("userId"));
    }

    private static List<JsonNode> exampleEvents() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (var files = Files.list(PACTS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-accounts-service.json"))
                    .toList()) {
                for (JsonNode interaction : JSON.readTree(file.toFile()).get("interactions")) {
                    JsonNode metadata =
                            interaction.path("contents").isMissingNode() ? null : interaction.get("metadata");
                    if (metadata != null
                            && UserAccountCreated.TYPE.equals(
                                    metadata.path("type").asString())) {
                        events.add(interaction.get("contents").get("content"));
                    }
                }
            }
        }
        return events;
    }
}
