package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.ServiceProcess;
import dev.tasksandbox.testkit.AccountsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Two gateway instances in front of the same services, sharing their limits through one real Redis: a client
 * that spreads its registrations or its password guesses over both gets no more than one instance allows. A
 * third gateway without Redis counts on its own, and when Redis goes away the two keep limiting, each on its own.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedLimitsIT {

    private static final int REGISTRATIONS = 4;
    private static final int LOGINS_PER_USERNAME = 3;
    private static final String PASSWORD = "correct horse battery";
    private static final Map<String, String> LIMITS = Map.of(
            "REGISTRATION_LIMIT_PER_ADDRESS", Integer.toString(REGISTRATIONS),
            "LOGIN_LIMIT_PER_USERNAME", Integer.toString(LOGINS_PER_USERNAME),
            "LOGIN_LIMIT_PER_ADDRESS", "1000");

    private static RedisServer redis;
    private static final List<ServiceProcess> GATEWAYS = new ArrayList<>();
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startRedisAndTwoGateways() {
        redis = RedisServer.start();
        Map<String, String> shared = new java.util.HashMap<>(LIMITS);
        shared.put("REDIS_URL", redis.url());
        first = started(shared);
        second = started(shared);
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        GATEWAYS.forEach(ServiceProcess::close);
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void registrations_spread_over_two_gateways_share_one_limit() {
        List<Integer> statuses = new ArrayList<>();
        List<String> retryAfter = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (ServiceProcess gateway : List.of(first, second)) {
                EntityExchangeResult<byte[]> answer = AccountsApi.at(gateway.baseUrl())
                        .register(newEmail(), PASSWORD)
                        .expectBody()
                        .returnResult();
                statuses.add(answer.getStatus().value());
                if (answer.getStatus().value() == 429) {
                    retryAfter.add(answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                }
            }
        }

        assertThat(statuses).containsExactly(201, 201, 201, 201, 429, 429);
        assertThat(retryAfter)
                .allSatisfy(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }

    @Test
    @Order(2)
    void password_guesses_spread_over_two_gateways_share_the_usernames_limit() {
        String email = newEmail();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (ServiceProcess gateway : List.of(first, second)) {
                statuses.add(AccountsApi.at(gateway.baseUrl())
                        .logIn(email, "wrong password " + i)
                        .expectBody()
                        .returnResult()
                        .getStatus()
                        .value());
            }
        }

        assertThat(statuses).containsExactly(401, 401, 401, 429);
    }

    @Test
    @Order(3)
    void a_gateway_without_redis_counts_in_its_own_memory() {
        ServiceProcess alone = started(LIMITS);

        assertThat(registrationStatuses(alone, REGISTRATIONS + 1)).containsExactly(201, 201, 201, 201, 429);
        assertThat(new Api(alone.managementUrl()).get("/health/limits").body()).contains("\"store\":\"memory\"");
    }

    @Test
    @Order(4)
    void without_redis_the_gateways_keep_limiting_each_on_its_own_and_stay_ready() throws InterruptedException {
        redis.close();
        Api actuator = new Api(first.managementUrl());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> actuator.get("/health/limits").status() == 503);

        assertThat(registrationStatuses(first, REGISTRATIONS + 1)).containsExactly(201, 201, 201, 201, 429);
        assertThat(actuator.get("/health/readiness").status()).isEqualTo(200);
    }

    private static List<Integer> registrationStatuses(ServiceProcess gateway, int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(AccountsApi.at(gateway.baseUrl())
                    .register(newEmail(), PASSWORD)
                    .expectBody()
                    .returnResult()
                    .getStatus()
                    .value());
        }
        return statuses;
    }

    private static ServiceProcess started(Map<String, String> settings) {
        ServiceProcess gateway = SharedStack.get().startGateway(settings);
        GATEWAYS.add(gateway);
        return gateway;
    }

    private static String newEmail() {
        return "limits-" + UUID.randomUUID() + "@example.com";
    }
}
