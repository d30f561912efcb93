package dev.tasksandbox.accounts;

import dev.tasksandbox.testkit.DocumentedResponses;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Every answer the tests receive from the API is held to the published OpenAPI document. Imported by {@link
 * AccountsServiceIT}, not nested in it: nested, it drew a warning from every test class, since Spring Framework
 * 7.1 will take a base class's nested configuration as its subclasses' default configuration as well.
 */
@TestConfiguration(proxyBeanMethods = false)
class DocumentedAnswers {
    @Bean
    WebTestClientBuilderCustomizer documentedResponses() {
        return builder -> builder.filter(DocumentedResponses.of("accounts"));
    }
}
