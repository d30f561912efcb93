package dev.tasksandbox.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.proxy.observation.ObservationProxyExecutionListener;
import io.r2dbc.proxy.observation.QueryContext;
import io.r2dbc.proxy.observation.QueryObservationConvention;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.observation.R2dbcObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Takes r2dbc-proxy's statement listener back out of the connection factory when the statements' observation
 * ({@code r2dbc.query}) is switched off, say by {@code management.observations.enable.all=false}. Boot adds that
 * listener whenever r2dbc-proxy is on the class path, and the listener (r2dbc-proxy 1.1.7) casts the context of each
 * observation it starts to its own {@code QueryContext}: a switched-off observation has Micrometer's
 * {@code NoopContext}, so every statement failed the cast, logged with its stack trace, thousands of lines a second
 * under load. Without the listener the statements run unobserved, which is what switching it off asks for.
 */
@AutoConfiguration(after = R2dbcObservationAutoConfiguration.class)
@ConditionalOnClass({ObservationProxyExecutionListener.class, ProxyConnectionFactoryCustomizer.class})
@ConditionalOnBean(ObservationRegistry.class)
public class StatementObservations {

    /** The statements' observation, as r2dbc-proxy names it. */
    private static final String STATEMENT = new QueryObservationConvention() {}.getName();

    /** Runs after Boot's customizer, which adds the listener. */
    @Bean
    @Order(R2dbcObservationAutoConfiguration.R2DBC_PROXY_OBSERVATION_CUSTOMIZER_ORDER + 1)
    ProxyConnectionFactoryCustomizer noStatementListenerWhenUnobserved(ObservationRegistry observations) {
        return proxy -> {
            if (Observation.createNotStarted(STATEMENT, QueryContext::new, observations)
                    .isNoop()) {
                proxy.getProxyConfig()
                        .getListeners()
                        .getListeners()
                        .removeIf(ObservationProxyExecutionListener.class::isInstance);
            }
        };
    }
}
