package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads traces from Zipkin's HTTP API, as its UI does. */
final class Zipkin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String apiUrl;

    Zipkin(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** The spans Zipkin holds of {@code traceId}: none until the first arrives (services report every second). */
    Trace trace(String traceId) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(apiUrl + "/trace/" + traceId))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 404) {
            return new Trace(List.of());
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new Trace(
                JSON.readTree(answer.body()).valueStream().map(Span::of).toList());
    }

    /** The names of the spans Zipkin holds of {@code service}, as its UI offers them for a search. */
    List<String> spanNames(String service) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(apiUrl + "/spans?serviceName=" + service))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body())
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    /** A span as Zipkin shows it; {@code kind} is empty for a span inside one service. */
    record Span(
            String id,
            Optional<String> parentId,
            String service,
            String kind,
            String name,
            long startMicros,
            Map<String, String> tags) {

        static Span of(JsonNode span) {
            return new Span(
                    span.get("id").asString(),
                    Optional.ofNullable(span.get("parentId")).map(JsonNode::asString),
                    span.get("localEndpoint").get("serviceName").asString(),
                    span.has("kind") ? span.get("kind").asString() : "",
                    span.get("name").asString(),
                    span.get("timestamp").asLong(),
                    tagsOf(span));
        }

        private static Map<String, String> tagsOf(JsonNode span) {
            Map<String, String> tags = new HashMap<>();
            if (span.has("tags")) {
                span.get("tags")
                        .properties()
                        .forEach(tag -> tags.put(tag.getKey(), tag.getValue().asString()));
            }
            return tags;
        }

        /** The SQL of an R2DBC statement's span; empty for other spans. */
        String statement() {
            return tags.getOrDefault("r2dbc.query[0]", "");
        }

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + id
                    + (parentId.isPresent() ? " < " + parentId.get() : "");
        }
    }

    /** The spans of one trace. */
    record Trace(List<Span> spans) {

        boolean has(Predicate<Span> wanted) {
            return spans.stream().anyMatch(wanted);
        }

        /** The one child of {@code parent} that is {@code wanted}; it fails when there is none, or several. */
        Span childOf(Span parent, Predicate<Span> wanted) {
            List<Span> found = spans.stream()
                    .filter(span -> span.parentId().equals(Optional.of(parent.id())))
                    .filter(wanted)
                    .toList();
            assertThat(found).as("the wanted child of %s in %s", parent, spans).hasSize(1);
            return found.get(0);
        }

        /** The spans without a parent in the trace: one, when every part reported what it did. */
        List<Span> roots() {
            return spans.stream()
                    .filter(span -> span.parentId().isEmpty()
                            || spans.stream()
                                    .noneMatch(other ->
                                            other.id().equals(span.parentId().get())))
                    .toList();
        }
    }

    static Predicate<Span> span(String service, String kind, String name) {
        return span -> span.service().equals(service)
                && span.kind().equals(kind)
                && span.name().equals(name);
    }

    static Predicate<Span> statement(String service, String sql) {
        return span -> span.service().equals(service) && span.statement().contains(sql);
    }
}
