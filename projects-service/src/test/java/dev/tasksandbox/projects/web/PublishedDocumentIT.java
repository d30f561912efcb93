package dev.tasksandbox.projects.web;

import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.testkit.PublishedDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Client developers build against openapi/projects.json: the service serves exactly that. */
class PublishedDocumentIT extends ProjectsServiceIT {

    @Autowired
    WebTestClient http;

    @Test
    void the_service_serves_its_published_openapi_document() {
        PublishedDocuments.assertServedBy(http, "projects");
    }
}
