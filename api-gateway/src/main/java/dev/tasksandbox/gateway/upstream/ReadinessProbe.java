package dev.tasksandbox.gateway.upstream;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.cloud.client.ServiceInstance;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks an instance whether it is ready, on its actuator's readiness URL (its management port, which is not the
 * port the gateway routes to: Spring Cloud LoadBalancer's own check can only ask the routed port). A plain
 * HTTP client, not Boot's: a probe every interval per instance is no client request worth a span or a meter.
 */
public final class ReadinessProbe {

    /** The instance metadata key that holds its readiness URL. */
    public static final String READINESS_URL = "readiness-url";

    private final HttpClient http;

    /** Each answer is awaited at most {@code timeout}. */
    public ReadinessProbe(Duration timeout) {
        this.http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
    }

    /** True when the instance answers its readiness check with 200; an instance without a URL is ready. */
    public Mono<Boolean> isReady(ServiceInstance instance) {
        Map<String, String> metadata = instance.getMetadata();
        String url = metadata == null ? null : metadata.get(READINESS_URL);
        if (url == null) {
            return Mono.just(true);
        }
        return http.get()
                .uri(URI.create(url))
                .responseSingle((response, body) ->
                        body.then(Mono.just(response.status().code() == 200)))
                .onErrorReturn(false);
    }
}
