package dev.tasksandbox.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI documents as published in {@code openapi/} at the repository's root: what client developers lint,
 * generate clients from and read, and what the tests hold every answer to. A service's integration test proves
 * that the service serves exactly its published document; {@code -Dopenapi.update=true} rewrites the file from
 * what the service serves instead, for a change of the API that is meant.
 */
public final class PublishedDocuments {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PublishedDocuments() {}

    /** The published document of {@code service} ({@code accounts} or {@code projects}). */
    public static Path of(String service) {
        return folder().resolve(service + ".json");
    }

    /**
     * Fails unless the service behind {@code http} serves the published document of {@code service} at
     * {@code /v3/api-docs}, member for member; or, asked to update, writes what it serves.
     */
    public static void assertServedBy(WebTestClient http, String service) {
        String served = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertPublished(service, Objects.requireNonNull(served, "no document"));
    }

    private static void assertPublished(String service, String served) {
        JsonNode document = JSON.readTree(served);
        Path published = of(service);
        try {
            if (Boolean.getBoolean("openapi.update")) {
                Files.writeString(published, JSON.writeValueAsString(document) + "\n");
                return;
            }
            if (!document.equals(JSON.readTree(Files.readString(published)))) {
                throw new AssertionError(service + " serves an OpenAPI document that differs from " + published
                        + ": if the API change is meant, run its integration tests with -Dopenapi.update=true and"
                        + " commit the file (then lint it: see openapi/README.md)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code openapi/} of the repository, found from the module the tests run in. */
    static Path folder() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("openapi")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve("openapi");
            }
        }
        throw new IllegalStateException(
                "no openapi/ folder above " + Paths.get("").toAbsolutePath());
    }
}
