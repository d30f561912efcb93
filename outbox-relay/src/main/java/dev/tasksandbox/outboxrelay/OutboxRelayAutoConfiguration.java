package dev.tasksandbox.outboxrelay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Runs the relay when {@code outbox-relay.enabled} is true. The application supplies the {@link RelayTopic};
 * without one the application does not start, since a relay with nowhere to publish would fill the outbox for
 * ever. The health indicator is named so that it shows as {@code outboxRelay}, for a health group of its own.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("outbox-relay.enabled")
@EnableConfigurationProperties(RelayProperties.class)
public class OutboxRelayAutoConfiguration {

    /** With the application's tracer when it has one: then every published event is a span of its trace. */
    @Bean
    OutboxRelay outboxRelay(
            RelayProperties properties,
            RelayTopic topic,
            MeterRegistry meters,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        PublishSpans spans = new PublishSpans(
                tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP),
                properties.name());
        return new OutboxRelay(properties, topic, meters, spans);
    }

    /** The relay's spans show in Zipkin under the relay's name, not the application's (see {@link PublishSpans}). */
    @Bean
    SpanFilter relaySpansNamedAfterTheRelay() {
        return PublishSpans.namedAfterTheRelay();
    }

    @Bean
    HealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
        return new RelayHealth(relay);
    }
}
