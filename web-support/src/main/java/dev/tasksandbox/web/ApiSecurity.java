package dev.tasksandbox.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;

/**
 * The security both services share: a stateless API (no session, no CSRF token, no login page) whose callers
 * prove who they are with a bearer access token; each service only says which paths are open.
 */
public final class ApiSecurity {

    private ApiSecurity() {
    }

    public static SecurityWebFilterChain filterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                     Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> access) {
        BearerTokenProblems problems = new BearerTokenProblems();
        ServerAuthenticationEntryPointFailureHandler failures = new ServerAuthenticationEntryPointFailureHandler(problems);
        // Key-fetch failures are answered 503 by the entry point instead of escaping as a 500.
        failures.setRethrowAuthenticationServiceException(false);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> {
                    access.customize(exchanges);
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(problems)
                        .authenticationFailureHandler(failures))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems))
                .build();
    }
}
