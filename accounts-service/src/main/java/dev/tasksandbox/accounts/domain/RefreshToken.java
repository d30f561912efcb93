package dev.tasksandbox.accounts.domain;

import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored refresh token. Each use spends it and issues its successor in the same family; presenting a spent
 * token means it was stolen or replayed, so the whole family is revoked and its newest token dies too. A family
 * (one login) ends at {@code familyExpiresAt} however often it was rotated: a stolen token cannot be kept alive
 * for ever by rotating it.
 */
public record RefreshToken(
        String id,
        UUID family,
        UserId user,
        Instant expiresAt,
        Instant familyExpiresAt,
        boolean spent,
        boolean familyRevoked) {

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
        Objects.requireNonNull(familyExpiresAt);
    }

    public Verdict judge(Instant now) {
        if (familyRevoked) {
            return Verdict.REVOKED;
        }
        if (spent) {
            return Verdict.REUSED;
        }
        if (!now.isBefore(expiresAt) || !now.isBefore(familyExpiresAt)) {
            return Verdict.EXPIRED;
        }
        return Verdict.USABLE;
    }
}
