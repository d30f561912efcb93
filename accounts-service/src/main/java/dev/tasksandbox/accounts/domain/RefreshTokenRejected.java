package dev.tasksandbox.accounts.domain;

/** A refresh token that cannot be used: unknown, expired, already spent, or of a revoked family. */
public final class RefreshTokenRejected extends AccountsError {

    public RefreshTokenRejected(RefreshToken.Verdict verdict) {
        super(
                switch (verdict) {
                    case UNKNOWN -> "Unknown refresh token";
                    case EXPIRED -> "The refresh token has expired";
                    case REUSED -> "The refresh token was already used; every session of its family is now revoked";
                    case REVOKED -> "The refresh token was revoked";
                    case USABLE -> throw new IllegalArgumentException("A usable token is not rejected");
                });
    }
}
