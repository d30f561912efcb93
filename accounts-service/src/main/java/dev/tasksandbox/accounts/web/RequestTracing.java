package dev.tasksandbox.accounts.web;

import dev.tasksandbox.web.TraceContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each request is served and logged in its trace, whose traceparent reaches the outbox and so the event on Kafka. */
@Configuration(proxyBeanMethods = false)
class RequestTracing {

    @Bean
    TraceContextFilter traceContextFilter() {
        return new TraceContextFilter();
    }
}
