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

/** The published JSON Schemas and the codec describe the same events, formats included. */
class AccountEventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Schema SCHEMA = load(UserAccountCreated.SCHEMA_RESOURCE);
    static final Schema REVOCATION_SCHEMA = load(UserSessionsRevoked.SCHEMA_RESOURCE);

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

    @Test
    void what_the_codec_writes_of_a_revocation_is_valid_against_its_schema() {
        JsonNode written = JSON.readTree(codec.encode(new UserSessionsRevoked(
                UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-11-25T09:30:00.5Z"))));

        assertThat(REVOCATION_SCHEMA.validate(written)).isEmpty();
        assertThat(SCHEMA.validate(written))
                .as("a revocation is not a new account")
                .isNotEmpty();
    }

    private static Schema load(String resource) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        try (InputStream schema = UserAccountCreated.class.getResourceAsStream(resource)) {
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new IllegalStateException("The schema is not on the class path", e);
        }
    }
}
