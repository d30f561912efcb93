package dev.tasksandbox.web.edge;

import io.micrometer.tracing.exporter.SpanExportingPredicate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.zipkin.autoconfigure.ZipkinConnectionDetails;
import org.springframework.boot.zipkin.autoconfigure.ZipkinProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * Every reactive web application that depends on this module gets the one {@link ProblemWriter}, clients that
 * hang up are not logged as errors ({@link DroppedErrors}, {@link HungUpConnections}), and Netty's memory is
 * metered ({@link NettyMemory}); health probes and scrapes send no spans, and spans go to Zipkin in batches
 * ({@link SpanBatches}), uncompressed.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class EdgeAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(ServerCodecConfigurer codecs) {
        return new ProblemWriter(codecs);
    }

    @Bean
    DroppedErrors droppedErrors() {
        return DroppedErrors.install();
    }

    /** Only where Logback logs, as it does in every application here (Spring Boot's default). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
    static class LogbackEdge {

        @Bean
        SmartInitializingSingleton hungUpConnections() {
            return HungUpConnections::install;
        }
    }

    /** Only where spans go to Zipkin through Brave (spring-boot-starter-zipkin), as in every application here. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({AsyncZipkinSpanHandler.class, ZipkinProperties.class})
    static class ZipkinEdge {

        @Bean
        static SpanBatches spanBatches() {
            return new SpanBatches();
        }

        /**
         * Spans are posted by Zipkin's own sender, uncompressed, over HTTP/1.1, in Spring Boot's stead. Boot's
         * sender gzips every message over 1 KiB, which cost 3 % of a read's CPU in projects-service and in the
         * gateway (each sampled trace sends spans), to save bandwidth on the way to a collector that runs beside
         * the services (the local stack, compose, the cluster). Its JDK client also speaks HTTP/2 to Zipkin and
         * failed the message in flight when Zipkin closed an idle connection with a GOAWAY. The endpoint and the
         * time-outs are Boot's properties, as before ({@code management.tracing.export.zipkin.*}).
         */
        @Bean
        @ConditionalOnMissingBean(BytesMessageSender.class)
        BytesMessageSender zipkinSender(
                ZipkinConnectionDetails zipkin, ZipkinProperties properties, Encoding encoding) {
            return URLConnectionSender.newBuilder()
                    .endpoint(zipkin.getSpanEndpoint())
                    .encoding(encoding)
                    .connectTimeout(
                            Math.toIntExact(properties.getConnectTimeout().toMillis()))
                    .readTimeout(Math.toIntExact(properties.getReadTimeout().toMillis()))
                    .compressionEnabled(false)
                    .build();
        }
    }

    @Bean
    NettyMemory nettyMemory() {
        return new NettyMemory();
    }

    /**
     * Probes and scrapes are timed like every request, but their spans are not sent to Zipkin: one every few
     * seconds per probe would bury the traces an engineer is looking for.
     */
    @Bean
    SpanExportingPredicate probesAreNotExported() {
        return span -> {
            String path = span.getTags().get("http.url");
            return path == null || !AccessLog.isProbe(path);
        };
    }
}
