package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.gateway.GatewayProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Rate-limits {@code POST /api/users} per client address. Each registration costs accounts-service a bcrypt
 * hash (about 250 ms of a core at cost 12), so a few unlimited clients could keep its cores busy; people
 * register once, so a low limit (10 a minute by default) hinders no one.
 */
@Component
@Order(EdgeOrder.REGISTRATION_LIMIT)
public class RegistrationLimit implements WebFilter {

    /** Matched as accounts-service matches it, on the decoded path, so {@code /api/%75sers} is counted too. */
    private static final PathPattern REGISTRATION_PATH = PathPatternParser.defaultInstance.parse("/api/users");

    private final Buckets addresses;

    public RegistrationLimit(GatewayProperties properties, BucketStore store) {
        GatewayProperties.RegistrationLimits limits = properties.registrationLimits();
        this.addresses = store.buckets("registration-address", limits.perAddress(), limits.period());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!HttpMethod.POST.equals(request.getMethod())
                || !REGISTRATION_PATH.matches(request.getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        return addresses
                .take(ClientAddress.of(request))
                .flatMap(wait -> wait.isZero()
                        ? chain.filter(exchange)
                        : Mono.error(new TooManyRequests(
                                "Too many registrations from this address; try again later", wait)));
    }
}
