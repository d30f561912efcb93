package dev.tasksandbox.accounts.infrastructure;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.AccountsApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An instance an operator runs without the relay (RELAY_ENABLED=false) serves and is ready like any other; its relay
 * health group is empty, and answers 404.
 */
@TestPropertySource(properties = "RELAY_ENABLED=false")
class RelayDisabledIT extends AccountsServiceIT {

    @Autowired
    WebTestClient http;

    @Test
    void an_instance_without_the_relay_starts_registers_and_is_ready() {
        new AccountsApi(http).registered(uniqueEmail(), "correct horse");

        actuator().get().uri("/health/readiness").exchange().expectStatus().isOk();
        actuator().get().uri("/health/relay").exchange().expectStatus().isNotFound(); // no relay here to report
    }
}
