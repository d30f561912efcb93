package dev.tasksandbox.projects.web;

import dev.tasksandbox.projects.ProjectsServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client cannot make an API request look like an operator's by writing forwarded headers that name the
 * management port, even where an operator turned forwarded-header handling on: the management port is told by
 * the socket a request came in on.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ForwardedHeadersIT extends ProjectsServiceIT {

    @Autowired
    WebTestClient http;

    @LocalManagementPort
    int managementPort;

    @Test
    void forwarded_headers_naming_the_management_port_do_not_open_the_api() {
        http.get()
                .uri("/api/projects")
                .header("X-Forwarded-Host", "localhost:" + managementPort)
                .header("X-Forwarded-Port", Integer.toString(managementPort))
                .header("Forwarded", "host=\"localhost:" + managementPort + "\"")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer");
    }
}
