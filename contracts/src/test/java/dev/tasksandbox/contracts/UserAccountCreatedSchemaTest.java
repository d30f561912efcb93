package dev.tasksandbox.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The published JSON Schema and the codec describe the same event, formats included. */
class UserAccountCreatedSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Schema SCHEMA = load();

    private final AccountEventCodec codec = new AccountEventCodec();

    @Test
    void what_the_codec_writes_is_valid_against_the_schema() {
        JsonNode written = JSON.readTree(codec.encode(anEvent()));

        assertThat(SCHEMA.validate(written)).isEmpty();
    }

    @Test
    void the_schema_refuses_an_event_with_a_renamed_field() {
        ObjectNode renamed = (ObjectNode) JSON.readTree(codec.encode(anEvent()));
        renamed.set("accountId", renamed.remove("userId"));

        List<Error> errors = SCHEMA.validate(renamed);

        assertThat(errors)
                .extracting(Error::getMessage)
                .anySatisfy(message -> assertThat(message).contains("userId"));
    }

    @Test
    void the_schema_refuses_a_time_without_its_zone() {
        ObjectNode local = (ObjectNode) JSON.readTree(codec.encode(anEvent()));
        local.put("occurredAt", "2026-11-25T09:30:00");

        assertThat(SCHEMA.validate(local)).isNotEmpty();
    }

    private static UserAccountCreated anEvent() {
        return new UserAccountCreated(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-11-25T09:30:00.5Z"));
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        try (InputStream resource = UserAccountCreated.class.getResourceAsStream(UserAccountCreated.SCHEMA_RESOURCE)) {
            return registry.getSchema(resource);
        } catch (IOException e) {
            throw new IllegalStateException("The schema is not on the class path", e);
        }
    }
}
