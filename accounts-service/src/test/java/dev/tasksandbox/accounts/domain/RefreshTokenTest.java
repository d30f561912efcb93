package dev.tasksandbox.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private final Instant expiry = Instant.parse("2026-12-09T10:00:00Z");

    @Test
    void a_fresh_token_is_usable_until_it_expires() {
        RefreshToken token = token(false, false);

        assertThat(token.judge(expiry.minusSeconds(1))).isEqualTo(RefreshToken.Verdict.USABLE);
        assertThat(token.judge(expiry)).isEqualTo(RefreshToken.Verdict.EXPIRED);
    }

    @Test
    void a_token_whose_family_has_ended_is_expired_however_long_it_would_live_itself() {
        RefreshToken token = new RefreshToken(
                "hash", UUID.randomUUID(), UserId.newId(), expiry, expiry.minusSeconds(60), false, false);

        assertThat(token.judge(expiry.minusSeconds(61))).isEqualTo(RefreshToken.Verdict.USABLE);
        assertThat(token.judge(expiry.minusSeconds(60))).isEqualTo(RefreshToken.Verdict.EXPIRED);
    }

    @Test
    void a_spent_token_is_a_reuse() {
        assertThat(token(true, false).judge(expiry.minusSeconds(60))).isEqualTo(RefreshToken.Verdict.REUSED);
    }

    @Test
    void a_token_of_a_revoked_family_is_revoked_whatever_else_holds() {
        assertThat(token(true, true).judge(expiry.minusSeconds(60))).isEqualTo(RefreshToken.Verdict.REVOKED);
        assertThat(token(false, true).judge(expiry.minusSeconds(60))).isEqualTo(RefreshToken.Verdict.REVOKED);
    }

    private RefreshToken token(boolean spent, boolean familyRevoked) {
        return new RefreshToken(
                "hash", UUID.randomUUID(), UserId.newId(), expiry, expiry.plusSeconds(3600), spent, familyRevoked);
    }
}
