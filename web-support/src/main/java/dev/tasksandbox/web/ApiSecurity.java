package dev.tasksandbox.web;

import java.net.InetSocketAddress;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
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

    /** Where Spring Boot says the management server listens, once it does (a random port 0 is resolved then). */
    private static final String MANAGEMENT_PORT = "local.management.port";

    private ApiSecurity() {}

    /**
     * Requests that arrive on the management port are operators', not API clients': that port is the boundary
     * (the gateway never routes it, compose never publishes it, the local stack binds it to the loopback), so
     * they need no token. Requests on the API's port never match, whatever their path. Ordered before the API's
     * chain by its caller, and declared only when the management port differs from the API's
     * ({@code @ConditionalOnManagementPort(DIFFERENT)}).
     */
    public static SecurityWebFilterChain managementPortChain(ServerHttpSecurity http, Environment environment) {
        ManagementPort management = new ManagementPort(environment);
        return http.securityMatcher(exchange -> management.received(exchange)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /**
     * The management server's port, asked of the environment until it is known and then kept: every request
     * passes this matcher, and a property lookup walks every property source (a profile of projects-service
     * under load found it on the hot path).
     */
    private static final class ManagementPort {

        private static final int NOT_KNOWN_YET = -1;

        private final Environment environment;
        private volatile int port = NOT_KNOWN_YET;

        ManagementPort(Environment environment) {
            this.environment = environment;
        }

        boolean received(ServerWebExchange exchange) {
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            if (local == null) {
                return false;
            }
            int known = port;
            if (known == NOT_KNOWN_YET) {
                String started = environment.getProperty(MANAGEMENT_PORT);
                if (started == null) {
                    return false; // not listening yet, so this request did not come through it
                }
                known = Integer.parseInt(started);
                port = known;
            }
            return local.getPort() == known;
        }
    }

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
