package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

class OpenRequestsTest {

    private final OpenRequests accounts = OpenRequests.of(HttpMethod.POST, "/api/users", "/api/users/login")
            .and(HttpMethod.GET, "/.well-known/jwks.json");

    @Test
    void a_declared_path_is_open_for_its_method_only() {
        assertThat(accounts.includes(request(HttpMethod.POST, "/api/users/login")))
                .isTrue();
        assertThat(accounts.includes(request(HttpMethod.GET, "/.well-known/jwks.json")))
                .isTrue();
        assertThat(accounts.includes(request(HttpMethod.GET, "/api/users/login")))
                .isFalse();
        assertThat(accounts.includes(request(HttpMethod.POST, "/.well-known/jwks.json")))
                .isFalse();
    }

    @Test
    void a_path_beside_or_below_a_declared_one_needs_a_token() {
        assertThat(accounts.includes(request(HttpMethod.POST, "/api/users/me"))).isFalse();
        assertThat(accounts.includes(request(HttpMethod.POST, "/api/users/login/again")))
                .isFalse();
        assertThat(accounts.includes(request(HttpMethod.POST, "/api/userslogin")))
                .isFalse();
    }

    @Test
    void the_api_document_is_open_in_every_service() {
        for (OpenRequests open : new OpenRequests[] {OpenRequests.none(), accounts}) {
            assertThat(open.includes(request(HttpMethod.GET, "/v3/api-docs"))).isTrue();
            assertThat(open.includes(request(HttpMethod.GET, "/v3/api-docs/swagger-config")))
                    .isTrue();
            assertThat(open.includes(request(HttpMethod.POST, "/v3/api-docs"))).isFalse();
        }
        assertThat(OpenRequests.none().includes(request(HttpMethod.POST, "/api/users")))
                .isFalse();
    }

    @Test
    void the_security_chain_sees_the_same_answer() {
        assertThat(matches(MockServerHttpRequest.post("/api/users").build())).isTrue();
        assertThat(matches(MockServerHttpRequest.get("/api/users").build())).isFalse();
    }

    private boolean matches(MockServerHttpRequest request) {
        return Boolean.TRUE.equals(accounts.matcher()
                .matches(MockServerWebExchange.from(request))
                .map(ServerWebExchangeMatcher.MatchResult::isMatch)
                .block());
    }

    private static MockServerHttpRequest request(HttpMethod method, String path) {
        return MockServerHttpRequest.method(method, path).build();
    }
}
