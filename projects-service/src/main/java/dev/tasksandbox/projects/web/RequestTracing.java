package dev.tasksandbox.projects.web;

import dev.tasksandbox.web.TraceContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each request is served in its trace and logged with its trace id. */
@Configuration(proxyBeanMethods = false)
class RequestTracing {

    @Bean
    TraceContextFilter traceContextFilter() {
        return new TraceContextFilter();
    }
}
