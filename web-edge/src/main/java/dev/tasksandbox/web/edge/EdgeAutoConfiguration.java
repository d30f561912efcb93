package dev.tasksandbox.web.edge;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Every reactive web application that depends on this module gets the one {@link ProblemWriter}, clients that
 * hang up are not logged as errors ({@link DroppedErrors}), and Netty's memory is metered ({@link NettyMemory}).
 */
@AutoConfiguration
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

    @Bean
    NettyMemory nettyMemory() {
        return new NettyMemory();
    }
}
