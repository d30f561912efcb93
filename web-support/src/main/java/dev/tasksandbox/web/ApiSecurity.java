package dev.tasksandbox.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The security both services share: a stateless API (no session, no CSRF token, no login page) whose callers
 * prove who they are with a bearer access token; each service only says which of its API's requests are open.
 */
public final class ApiSecurity {

    /** Open in every service: health probes, metrics and the API's own description. */
    private static final ServerWebExchangeMatcher OPERATIONS = ServerWebExchangeMatchers.pathMatchers(
            HttpMethod.GET,
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs/**");

    private ApiSecurity() {}

    /** For an API with no open endpoint. */
    public static SecurityWebFilterChain filterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return filterChain(http, decoder, exchange -> ServerWebExchangeMatcher.MatchResult.notMatch());
    }

    /**
     * On an open request a bearer token is not even read: a client that sends its expired token everywhere must
     * still be able to log in, refresh it, register or fetch the keys.
     */
    public static SecurityWebFilterChain filterChain(
            ServerHttpSecurity http, ReactiveJwtDecoder decoder, ServerWebExchangeMatcher openRequests) {
        ServerWebExchangeMatcher open = new OrServerWebExchangeMatcher(OPERATIONS, openRequests);
        BearerTokenProblems problems = new BearerTokenProblems();
        ServerAuthenticationEntryPointFailureHandler failures =
                new ServerAuthenticationEntryPointFailureHandler(problems);
        // Key-fetch failures are answered 503 by the entry point instead of escaping as a 500.
        failures.setRethrowAuthenticationServiceException(false);
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges ->
                        exchanges.matchers(open).permitAll().anyExchange().authenticated())
                .oauth2ResourceServer(server -> server.bearerTokenConverter(exchange -> open.matches(exchange)
                                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange)))
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(problems)
                        .authenticationFailureHandler(failures))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems))
                .build();
    }
}
