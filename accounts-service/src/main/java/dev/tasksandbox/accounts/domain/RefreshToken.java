package dev.tasksandbox.accounts.domain;

import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored refresh token. Each use spends it and issues its successor in the same family; presenting a spent
 * token means it was stolen or replayed, so the whole family is revoked and its newest token dies too.
 */
public record RefreshToken(
        String id, UUID family, UserId user, Instant expiresAt, boolean spent, boolean familyRevoked) {

    public enum Verdict {
        USABLE,
        UNKNOWN,
        EXPIRED,
        REUSED,
        REVOKED
    }

    public RefreshToken {
        Objects.requireNonNull(id);
        Objects.requireNonNull(family);
        Objects.requireNonNull(user);
        Objects.requireNonNull(expiresAt);
    }

    public Verdict judge(Instant now) {
        if (familyRevoked) {
            return Verdict.REVOKED;
        }
        if (spent) {
            return Verdict.REUSED;
        }
        if (!now.isBefore(expiresAt)) {
            return Verdict.EXPIRED;
        }
        return Verdict.USABLE;
    }
}
