package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.PublishedDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Client developers build against openapi/accounts.json: the service serves exactly that. */
class PublishedDocumentIT extends AccountsServiceIT {

    @Autowired
    WebTestClient http;

    @Test
    void the_service_serves_its_published_openapi_document() {
        PublishedDocuments.assertServedBy(http, "accounts");
    }
}
