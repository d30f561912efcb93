package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: a user logged out everywhere in accounts-service, so this service refuses every access token issued
 * to them until then, once however often the news is delivered.
 */
public final class RevokeSessions {

    /**
     * The news of a log-out-everywhere.
     *
     * @param eventId   the id of the event that brought the news, which the inbox records
     * @param user      whose sessions ended
     * @param revokedAt tokens issued at or before it are refused
     */
    public record Command(UUID eventId, UserId user, Instant revokedAt) {
        public Command {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(revokedAt, "revokedAt");
        }
    }

    private final SessionRevocations revocations;
    private final Inbox inbox;

    public RevokeSessions(SessionRevocations revocations, Inbox inbox) {
        this.revocations = revocations;
        this.inbox = inbox;
    }

    /** Emits whether the news took effect now: false for a redelivery. */
    public Mono<Boolean> handle(Command command) {
        return inbox.once(command.eventId(), revocations.recording(command.user(), command.revokedAt()));
    }
}
