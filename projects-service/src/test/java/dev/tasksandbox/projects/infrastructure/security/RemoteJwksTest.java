package dev.tasksandbox.projects.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import dev.tasksandbox.localstack.RsaKeyFiles;
import dev.tasksandbox.projects.TestJwks;
import dev.tasksandbox.testkit.MovableClock;
import dev.tasksandbox.testkit.TokenForge;
import java.net.URI;
import java.security.KeyPair;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;

/** How the keys are fetched from accounts-service's real-HTTP stand-in, as time passes and accounts comes and goes. */
class RemoteJwksTest {

    private static final KeyPair KEYS = RsaKeyFiles.generate();
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Duration HARD_MAX_AGE = Duration.ofHours(1);
    private static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(1);

    private final TestJwks accounts = TestJwks.start();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final RemoteJwks jwks = new RemoteJwks(
            WebClient.create(),
            new SecurityProperties(
                    URI.create(accounts.uri()),
                    "issuer",
                    "audience",
                    Duration.ofSeconds(30),
                    MAX_AGE,
                    HARD_MAX_AGE,
                    MIN_REFRESH_INTERVAL,
                    Duration.ofHours(24)),
            clock);

    @AfterEach
    void stop() {
        accounts.stop();
    }

    @Test
    void the_first_fetch_is_limited_like_every_later_one_while_accounts_is_away() {
        accounts.failing(true);

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(this::keys).isInstanceOf(JwtException.class);
        }
        assertThat(accounts.requests())
                .as("one attempt per interval, whatever the requests")
                .isEqualTo(1);

        accounts.failing(false);
        accounts.publish(KEYS);
        assertThatThrownBy(this::keys).as("not due yet").isInstanceOf(JwtException.class);
        clock.advance(MIN_REFRESH_INTERVAL.plusMillis(1));
        assertThat(keys()).hasSize(1);
        assertThat(accounts.requests()).isEqualTo(2);
    }

    @Test
    void old_keys_serve_while_accounts_is_away_but_not_past_the_hard_maximum_age() {
        accounts.publish(KEYS);
        assertThat(keys()).hasSize(1);
        accounts.failing(true);

        clock.advance(MAX_AGE.plusSeconds(1));
        assertThat(keys())
                .as("stale, and accounts is away: the keys of a moment ago")
                .hasSize(1);

        clock.advance(HARD_MAX_AGE);
        assertThatThrownBy(this::keys).as("too old to trust").isInstanceOf(JwtException.class);

        accounts.failing(false);
        clock.advance(MIN_REFRESH_INTERVAL.plusMillis(1));
        assertThat(keys()).as("fetched again").hasSize(1);
    }

    private List<JWK> keys() {
        return jwks.keysFor(token()).collectList().block();
    }

    private static SignedJWT token() {
        String signed = TokenForge.valid(TestJwks.keyId(KEYS), UUID.randomUUID().toString(), "issuer", "audience")
                .signedWith(KEYS.getPrivate());
        try {
            return SignedJWT.parse(signed);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
