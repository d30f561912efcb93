package dev.tasksandbox.web;

import dev.tasksandbox.web.edge.ClientConnection;
import dev.tasksandbox.web.edge.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security every service shares: a stateless API (no session, no CSRF token, no login page) whose callers
 * prove who they are with a bearer access token, checked by the service's {@link ReactiveJwtDecoder}; the service
 * declares only which requests are open ({@link OpenRequests}). The actuator is not part of the API: it answers on
 * the management port only, whose requests pass a chain of their own.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurity {

    /** The server namespace of the actuator's own web server. */
    private static final String MANAGEMENT = "management";

    /**
     * Requests that arrive on the management port are operators', not API clients': that port is the boundary
     * (the gateway never routes it, compose never publishes it, the local stack binds it to the loopback), so
     * they need no token. Requests on the API's port never match, whatever their path.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    SecurityWebFilterChain managementSecurity(ServerHttpSecurity http, ManagementPort management) {
        return stateless(http.securityMatcher(exchange -> management.received(exchange)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch()))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /**
     * On an open request a bearer token is not even read. Key-fetch failures are answered 503 by the entry point
     * instead of escaping as a 500.
     */
    @Bean
    SecurityWebFilterChain apiSecurity(
            ServerHttpSecurity http,
            ReactiveJwtDecoder decoder,
            ObjectProvider<OpenRequests> openRequests,
            ProblemWriter problems) {
        OpenRequests open = openRequests.getIfAvailable(OpenRequests::none);
        BearerTokenProblems refusals = new BearerTokenProblems(problems);
        ServerAuthenticationEntryPointFailureHandler failures =
                new ServerAuthenticationEntryPointFailureHandler(refusals);
        failures.setRethrowAuthenticationServiceException(false);
        BearerTokenReader bearer = new BearerTokenReader();
        return stateless(http)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(open.matcher())
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(server -> server.bearerTokenConverter(exchange ->
                                open.includes(exchange.getRequest()) ? Mono.empty() : bearer.convert(exchange))
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(refusals)
                        .authenticationFailureHandler(failures))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refusals))
                .build();
    }

    /**
     * The security chain records no observations of its own: each filter, the token check and the authorisation
     * would add a span and a timer to every request (four spans a read). Their time shows in the request's server
     * span, before the handler's first child. Said here rather than by an observation predicate, Spring Security
     * does not even wrap its filters and managers in observations that would be dropped (1 % of a read's CPU).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall with its own rules, its header checks made cheap ({@link HeaderCharacters}). */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
        return firewall;
    }

    /**
     * The firewall's refusals (an encoded slash, a {@code ..} segment, a NUL byte in the path) as 400 problems, like
     * every other client error; Spring Security's own answer is an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(
                exchange,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST, "The request was rejected: " + rejected.getMessage()));
    }

    private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable);
    }

    /**
     * The port the management server bound, as its start announces it. Not read from the environment's
     * {@code local.management.port}: with several application contexts in one JVM (a test suite's), that property
     * was found to name another context's port, and the actuator then asked this one's callers for a token.
     */
    @Bean
    ManagementPort managementPort() {
        return new ManagementPort();
    }

    static final class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

        private static final int NOT_LISTENING_YET = -1;

        private volatile int port = NOT_LISTENING_YET;

        @Override
        public void onApplicationEvent(WebServerInitializedEvent started) {
            if (MANAGEMENT.equals(started.getApplicationContext().getServerNamespace())) {
                port = started.getWebServer().getPort();
            }
        }

        /**
         * Whether {@code exchange} came in through the management port (never before that port is open), as its
         * socket says: forwarded headers, which a client writes, cannot make an API request look like one.
         */
        boolean received(ServerWebExchange exchange) {
            return ClientConnection.serverPort(exchange) == port;
        }
    }
}
