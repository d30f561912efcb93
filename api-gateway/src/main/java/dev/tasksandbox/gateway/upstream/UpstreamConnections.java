package dev.tasksandbox.gateway.upstream;

import java.util.List;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.ConnectionProvider;

/**
 * The gateway's HTTP client to the services, for the routes and the composed profile alike: Spring Cloud
 * Gateway's, configured by {@code spring.cloud.gateway.server.webflux.httpclient.*} as usual, with a connection
 * pool that never hands out a connection the upstream has closed ({@link StaleConnections}).
 */
@Configuration(proxyBeanMethods = false)
public class UpstreamConnections {

    /** Takes the place of the gateway's own factory (which steps back when this bean exists). */
    @Bean
    HttpClientFactory gatewayHttpClientFactory(
            HttpClientProperties properties,
            ServerProperties server,
            List<HttpClientCustomizer> customizers,
            HttpClientSslConfigurer ssl) {
        return new HttpClientFactory(properties, server, ssl, customizers) {
            @Override
            protected ConnectionProvider buildConnectionProvider(HttpClientProperties configured) {
                ConnectionProvider provider = super.buildConnectionProvider(configured);
                ConnectionProvider.Builder pool = provider.mutate();
                if (pool == null) {
                    return provider; // no pool configured: a connection per request, never a stale one
                }
                provider.dispose(); // unused: its copy below is the one that pools
                return pool.evictionPredicate(new StaleConnections(
                                configured.getPool().getMaxIdleTime(),
                                configured.getPool().getMaxLifeTime()))
                        .build();
            }
        };
    }
}
