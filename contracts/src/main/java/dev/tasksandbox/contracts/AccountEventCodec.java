package dev.tasksandbox.contracts;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the values of account events. It has a JSON mapper of its own, so the bytes on the wire
 * follow this contract whatever a service configures for its HTTP answers: ISO-8601 instants, unknown members
 * refused as the schema refuses them.
 */
public final class AccountEventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String encode(AccountEvent event) {
        return json.writeValueAsString(event);
    }

    /**
     * The event in a record's value, given its {@code type} header (a record without one is a
     * {@link UserAccountCreated}, as before the header had other values). Empty for a kind of event this contract
     * version does not know: a consumer skips it.
     *
     * @throws UnreadableEvent when the value is missing or not a valid event of its type
     */
    public Optional<AccountEvent> decode(@Nullable String type, byte @Nullable [] value) {
        Class<? extends AccountEvent> kind = kindOf(type);
        if (kind == null) {
            return Optional.empty();
        }
        if (value == null) {
            throw new UnreadableEvent("A record without a value", null);
        }
        try {
            return Optional.of(json.readValue(value, kind));
        } catch (JacksonException e) {
            // Also what Jackson makes of a record's constructor refusing a missing member.
            throw new UnreadableEvent("Not a readable " + kind.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static @Nullable Class<? extends AccountEvent> kindOf(@Nullable String type) {
        if (type == null || UserAccountCreated.TYPE.equals(type)) {
            return UserAccountCreated.class;
        }
        return UserSessionsRevoked.TYPE.equals(type) ? UserSessionsRevoked.class : null;
    }
}
