package dev.tasksandbox.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.accounts.infrastructure.PublishedEvents;
import dev.tasksandbox.contracts.AccountEventCodec;
import dev.tasksandbox.contracts.AccountEvents;
import dev.tasksandbox.contracts.UserSessionsRevoked;
import dev.tasksandbox.testkit.AccountsApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class LogOutEverywhereIT extends AccountsServiceIT {

    private static final String PASSWORD = "correct horse";
    private static final Duration RELAY_BOUND = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    private final PublishedEvents published = new PublishedEvents();

    @AfterEach
    void closeReader() {
        published.close();
    }

    @Test
    void every_session_ends_and_every_earlier_access_token_is_refused_at_once() {
        AccountsApi accounts = new AccountsApi(http);
        String email = uniqueEmail();
        accounts.registered(email, PASSWORD);
        Map<String, Object> phone = accounts.tokensFor(email, PASSWORD);
        Map<String, Object> laptop = accounts.tokensFor(email, PASSWORD);
        String phoneAccess = AccountsApi.member(phone, "access_token");

        accounts.logOutEverywhere(phoneAccess)
                .expectStatus()
                .isNoContent()
                .expectBody()
                .isEmpty();

        for (Map<String, Object> session : List.of(phone, laptop)) {
            accounts.me(AccountsApi.member(session, "access_token"))
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .value(
                            HttpHeaders.WWW_AUTHENTICATE,
                            value -> assertThat(value).contains("invalid_token"));
            accounts.refresh(AccountsApi.member(session, "refresh_token"))
                    .expectStatus()
                    .isUnauthorized();
        }
    }

    @Test
    void a_login_right_after_works_even_within_the_same_second() {
        AccountsApi accounts = new AccountsApi(http);
        String email = uniqueEmail();
        accounts.registered(email, PASSWORD);
        accounts.logOutEverywhere(accounts.accessToken(email, PASSWORD))
                .expectStatus()
                .isNoContent();

        Map<String, Object> fresh = accounts.tokensFor(email, PASSWORD);

        accounts.me(AccountsApi.member(fresh, "access_token")).expectStatus().isOk();
        accounts.refresh(AccountsApi.member(fresh, "refresh_token"))
                .expectStatus()
                .isOk();
    }

    @Test
    void other_services_are_told_by_an_event_keyed_by_the_user() {
        AccountsApi accounts = new AccountsApi(http);
        String email = uniqueEmail();
        String userId = accounts.registered(email, PASSWORD);
        Instant before = Instant.now();

        accounts.logOutEverywhere(accounts.accessToken(email, PASSWORD))
                .expectStatus()
                .isNoContent();

        await().atMost(RELAY_BOUND)
                .until(() -> published.forUser(userId).stream()
                        .anyMatch(event ->
                                UserSessionsRevoked.TYPE.equals(event.headers().get(AccountEvents.TYPE_HEADER))));
        PublishedEvents.Event record = published.forUser(userId).stream()
                .filter(event -> UserSessionsRevoked.TYPE.equals(event.headers().get(AccountEvents.TYPE_HEADER)))
                .findFirst()
                .orElseThrow();
        UserSessionsRevoked event = (UserSessionsRevoked) new AccountEventCodec()
                .decode(UserSessionsRevoked.TYPE, record.value().getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(event.userId().toString()).isEqualTo(userId);
        assertThat(event.revokedAt()).isAfter(before).isBefore(Instant.now());
        assertThat(record.headers())
                .containsEntry(AccountEvents.ID_HEADER, event.eventId().toString());
    }

    @Test
    void without_a_token_it_is_a_401() {
        http.delete().uri("/api/users/me/sessions").exchange().expectStatus().isUnauthorized();
    }
}
