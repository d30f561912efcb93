package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

class BearerTokenReaderTest {

    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter reader = new BearerTokenReader();

    @Test
    void a_well_formed_header_gives_its_token_and_a_malformed_one_is_refused_as_an_invalid_token() {
        assertThat(outcome(reader, "Bearer eyJhbGc.eyJzdWI.c2ln-_~+/=="))
                .isEqualTo("token eyJhbGc.eyJzdWI.c2ln-_~+/==");
        assertThat(outcome(reader, "bEaReR abc")).isEqualTo("token abc");
        assertThat(outcome(reader, "Bearer abc=d")).isEqualTo("refused invalid_token Bearer token is malformed");
        assertThat(outcome(reader, "Bearer  abc")).isEqualTo("refused invalid_token Bearer token is malformed");
        assertThat(outcome(reader, "Bearer")).isEqualTo("refused invalid_token Bearer token is malformed");
        assertThat(outcome(reader, "Basic dXNlcjpwYXNz")).isEqualTo("none");
        assertThat(outcome(reader, null)).isEqualTo("none");
    }

    @Test
    void it_answers_as_spring_securitys_converter_for_thousands_of_headers() {
        List<String> pieces = List.of(
                "Bearer ",
                "bearer ",
                "BEARER",
                "Bearer",
                " ",
                "  ",
                "=",
                "==",
                "a",
                "Z",
                "9",
                "-",
                ".",
                "_",
                "~",
                "+",
                "/",
                "eyJhbGciOiJSUzI1NiJ9",
                "\t",
                "\n",
                ",",
                "%",
                "\u00e9",
                "\u212a",
                "\u0130",
                "\u017f",
                "Basic ");
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder();
            int length = random.nextInt(6);
            for (int piece = 0; piece <= length; piece++) {
                header.append(pieces.get(random.nextInt(pieces.size())));
            }
            String given = header.toString();
            assertThat(outcome(reader, given)).as("[%s]", given).isEqualTo(outcome(spring, given));
        }
    }

    /** What a converter makes of an {@code Authorization} header: a token, a refusal, or no token at all. */
    private static String outcome(ServerAuthenticationConverter converter, String authorization) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/projects");
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            Authentication read =
                    converter.convert(MockServerWebExchange.from(request)).block();
            return read == null ? "none" : "token " + ((BearerTokenAuthenticationToken) read).getToken();
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " "
                    + refused.getError().getDescription();
        }
    }
}
