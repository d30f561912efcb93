package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import java.time.Instant;

/** The record of when each user last logged out everywhere, before which their access tokens are refused. */
public interface SessionRevocations {

    /**
     * Prepares recording that {@code user}'s sessions were revoked at {@code revokedAt}. A revocation only moves
     * later: an older one, delivered late, leaves a later one in place.
     */
    Write recording(UserId user, Instant revokedAt);
}
