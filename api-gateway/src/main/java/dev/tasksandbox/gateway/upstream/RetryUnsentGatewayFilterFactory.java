package dev.tasksandbox.gateway.upstream;

import java.net.ConnectException;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * {@code RetryUnsent}: a request is tried again on another instance only when it could not be sent: the
 * connection was refused or not made in time ({@link ConnectException}, which Netty's connect failures and
 * connect time-outs all are). Such a request never reached a service, so a POST is as safe to repeat as a GET.
 * A request that was sent is never repeated, whatever happened to it: not on a reset connection, a time-out or
 * a 5xx, which Spring Cloud Gateway's {@code Retry} would repeat for a GET by default.
 */
@Component
public class RetryUnsentGatewayFilterFactory extends RetryGatewayFilterFactory {

    /**
     * The gateway binds a route's arguments onto a new {@code RetryConfig} (whose defaults repeat a GET on a 5xx
     * or any I/O error), so the rule is imposed here, on whatever was bound: only {@code retries} may be set.
     */
    @Override
    public GatewayFilter apply(RetryConfig config) {
        config.setSeries();
        config.setStatuses();
        config.setMethods(HttpMethod.values());
        config.setExceptions(ConnectException.class);
        return super.apply(config);
    }

    /**
     * No body cache, which {@code Retry} turns on for its routes: a request that could not be sent never had its
     * body read (the body is written once the connection stands), so the retry reads it then. The cache is not
     * only needless: when a client hangs up while its body is on the way to a service, the gateway releases the
     * cached buffer that the connection is still releasing (Netty's {@code IllegalReferenceCountException}).
     */
    @Override
    protected void enableBodyCaching(@Nullable String routeId) {}

    @Override
    public String name() {
        return "RetryUnsent";
    }
}
