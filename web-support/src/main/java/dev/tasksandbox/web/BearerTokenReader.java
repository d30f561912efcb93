package dev.tasksandbox.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads a request's bearer token as Spring Security's {@link ServerBearerTokenAuthenticationConverter} reads it
 * with its defaults: from the first {@code Authorization} header only; a header not starting with {@code bearer}
 * (in any case) carries none; one that does must be {@code Bearer}, one space and RFC 6750's token characters,
 * or the request is refused as {@code invalid_token} "Bearer token is malformed". One difference: Spring's
 * refusal is a plain {@code OAuth2AuthenticationException}, which {@link BearerTokenProblems} answered as a missing
 * token ({@code WWW-Authenticate: Bearer}); this one is an {@link InvalidBearerTokenException}, answered as RFC 6750
 * §3.1 says for a malformed token: {@code error="invalid_token"}. Otherwise the same answers, without its
 * regular expression over the whole token and its reactive merge of three sources of which two are off: together
 * 1.6 % of the CPU samples of projects-service serving task lists (README, <i>Figures</i>). {@code BearerTokenReaderTest}
 * holds it to Spring's converter over thousands of headers.
 */
final class BearerTokenReader implements ServerAuthenticationConverter {

    private static final String SCHEME = "bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        // The test Spring's converter makes (StringUtils.startsWithIgnoreCase): a header of another scheme has none.
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Mono.empty();
        }
        String token = tokenAfterScheme(authorization);
        return token == null
                ? Mono.error(new InvalidBearerTokenException("Bearer token is malformed"))
                : Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /**
     * What follows the scheme and one space, when it is b64token characters then any {@code =}; else null. No
     * character outside ASCII matches a letter of {@code bearer} ignoring case, so the scheme needs no second look.
     */
    private static @Nullable String tokenAfterScheme(String authorization) {
        int start = SCHEME.length() + 1;
        if (authorization.length() < start || authorization.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        int end = authorization.length();
        while (end > start && authorization.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return null;
        }
        for (int i = start; i < end; i++) {
            if (!isTokenCharacter(authorization.charAt(i))) {
                return null;
            }
        }
        return authorization.substring(start);
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
