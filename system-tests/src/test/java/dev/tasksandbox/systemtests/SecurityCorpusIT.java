package dev.tasksandbox.systemtests;

import static dev.tasksandbox.systemtests.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.testkit.TokenAttacks;
import dev.tasksandbox.testkit.TokenForge;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The security corpus ({@code security-corpus.yml}) and every forged token of {@link TokenAttacks#every}, sent raw
 * to the gateway: each gets the status the corpus gives it, and none is a 5xx. The tokens are forged with the key
 * accounts-service really signs with, so that only the flaw each carries can make it fail.
 */
@ExtendWith(SharedStack.class)
class SecurityCorpusIT {

    private static final String ISSUER = "tasksandbox-accounts";
    private static final String AUDIENCE = "tasksandbox-api";

    private static RawHttp gateway;
    private static String token;
    private static String userId;
    private static String project;
    private static String gatewayManagement;

    /** One request of the corpus, as {@code security-corpus.yml} has it. */
    record Entry(String name, Map<String, Object> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void aUserWithAProject() {
        Stack stack = SharedStack.get();
        gateway = new RawHttp(stack.gatewayUrl());
        gatewayManagement =
                java.net.URI.create(stack.services().get(0).managementUrl()).getAuthority();
        Api api = new Api(stack.gatewayUrl());
        Api.User user = api.newUser("corpus");
        userId = user.id();
        token = user.accessToken();
        project = api.withToken(token)
                .post("/api/projects", body("name", "Attacked"))
                .header("Location");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_request_of_the_corpus_gets_its_status_and_none_a_5xx(Entry entry) {
        RawHttp.Answer answer = gateway.exchange(request(entry.fields()));

        assertThat(answer.status())
                .as(answer.rest())
                .isLessThan(500)
                .isEqualTo(entry.fields().get("expect"));
        if (!Boolean.FALSE.equals(entry.fields().get("problem"))) {
            assertThat(answer.rest())
                    .as("a problem document naming its status")
                    .containsPattern("(?i)content-type: application/(problem\\+)?json")
                    .contains("\"status\":" + answer.status());
        }
    }

    /** The control: the same forge, without a flaw, makes a token both services accept. */
    @Test
    void a_token_forged_without_a_flaw_is_accepted_so_each_attack_fails_for_its_flaw_alone() {
        KeyPair real = SharedStack.get().signingKeys();
        String unflawed = TokenForge.valid(TokenForge.keyId(real), userId, ISSUER, AUDIENCE)
                .signedWith(real.getPrivate());

        for (String path : List.of("/api/projects", "/api/users/me")) {
            RawHttp.Answer answer =
                    gateway.exchange(gateway.head("GET", path) + "Authorization: Bearer " + unflawed + "\r\n\r\n");

            assertThat(answer.status()).as(path + " " + answer.rest()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void each_forged_token_is_a_401_saying_bearer_at_both_services(TokenAttacks.Attack attack) {
        for (String path : List.of("/api/projects", "/api/users/me")) {
            RawHttp.Answer answer = gateway.exchange(
                    gateway.head("GET", path) + "Authorization: Bearer " + attack.token() + "\r\n\r\n");

            assertThat(answer.status()).as(path + " " + answer.rest()).isEqualTo(401);
            assertThat(answer.rest()).as(path).contains("WWW-Authenticate: Bearer error=\"invalid_token\"");
        }
    }

    static Stream<TokenAttacks.Attack> forgedTokens() {
        KeyPair real = SharedStack.get().signingKeys();
        return TokenAttacks.every(TokenForge.keyId(real), real, userId, ISSUER, AUDIENCE).stream();
    }

    @SuppressWarnings("unchecked")
    static Stream<Entry> corpus() {
        try (InputStream in = SecurityCorpusIT.class.getResourceAsStream("/security-corpus.yml")) {
            List<Map<String, Object>> entries = new Yaml().load(in);
            return entries.stream().map(fields -> new Entry((String) fields.get("name"), fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String request(Map<String, Object> fields) {
        if (fields.containsKey("raw")) {
            return substituted((String) fields.get("raw")).replace("{host}", host());
        }
        String body = (String) fields.getOrDefault("body", "") + "a".repeat(number(fields, "pad-body"));
        String path = substituted((String) fields.get("path"));
        if (number(fields, "pad-path") > 0) {
            path += "&padding=" + "a".repeat(number(fields, "pad-path"));
        }
        Map<String, Object> headers =
                new LinkedHashMap<>((Map<String, Object>) fields.getOrDefault("headers", Map.of()));
        if (number(fields, "pad-header") > 0) {
            headers.put("X-Padding", "a".repeat(number(fields, "pad-header")));
        }
        StringBuilder request = new StringBuilder(gateway.head((String) fields.get("method"), path));
        headers.forEach((name, value) -> request.append(name)
                .append(": ")
                .append(substituted(String.valueOf(value)))
                .append("\r\n"));
        if (!body.isEmpty()) {
            request.append("Content-Length: ")
                    .append(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .append("\r\n");
        }
        return request.append("\r\n").append(body).toString();
    }

    private static String substituted(String text) {
        return text.replace("{valid}", token)
                .replace("{project}", project)
                .replace("{gateway-management}", gatewayManagement);
    }

    private static String host() {
        return java.net.URI.create(SharedStack.get().gatewayUrl()).getAuthority();
    }

    private static int number(Map<String, Object> fields, String name) {
        return ((Number) fields.getOrDefault(name, 0)).intValue();
    }
}
