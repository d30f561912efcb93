import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServer;

/**
 * The floor under a read: what the same answer as {@code GET /api/projects/{id}/tasks} (ten tasks) costs on the
 * libraries projects-service runs on, with less and less of the service around it. Run by bench/floor.sh on the
 * class path of projects-service's own jar, so every library is the service's version.
 *
 * <ul>
 *   <li>{@code netty}: Reactor Netty alone, answering bytes serialised once;
 *   <li>{@code webflux}: Spring WebFlux, an annotated controller, ten task records serialised by Jackson per read;
 *   <li>{@code webflux-r2dbc}: the same, the tasks read per request through Spring's {@code DatabaseClient} and
 *       Boot's R2DBC pool, with the query projects-service runs (less its owner condition).
 * </ul>
 *
 * None has security, observations, access lines or error handling: these are what projects-service adds on top.
 */
public final class Floor {

    record TaskView(int number, String name, @Nullable Instant completedAt) {}

    record Tasks(List<TaskView> tasks) {}

    private Floor() {}

    public static void main(String[] args) {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        switch (mode) {
            case "netty" -> nettyAlone(port);
            case "webflux" -> SpringApplication.run(WebFluxAlone.class, "--server.port=" + port);
            case "webflux-r2dbc" -> SpringApplication.run(WebFluxWithR2dbc.class, "--server.port=" + port);
            default -> throw new IllegalArgumentException("netty, webflux or webflux-r2dbc, not " + mode);
        }
    }

    private static void nettyAlone(int port) {
        byte[] body = ("{\"tasks\":["
                        + String.join(
                                ",",
                                IntStream.rangeClosed(1, 10)
                                        .mapToObj(n -> "{\"number\":" + n + ",\"name\":\"Task number " + n
                                                + "\",\"completedAt\":null}")
                                        .toList())
                        + "]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .route(routes -> routes.get("/api/projects/{id}/tasks", (request, response) -> response.header(
                                "Content-Type", "application/json")
                        .sendByteArray(Mono.just(body))))
                .bindNow()
                .onDispose()
                .block();
    }

    /** WebFlux on Reactor Netty with Jackson, as Boot configures them, and nothing else. */
    @Retention(RetentionPolicy.RUNTIME)
    @ImportAutoConfiguration({
        NettyReactiveWebServerAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class,
        CodecsAutoConfiguration.class,
        JacksonAutoConfiguration.class
    })
    @interface WebFluxOnNetty {}

    @Configuration(proxyBeanMethods = false)
    @WebFluxOnNetty
    @Import(TasksInMemory.class)
    static class WebFluxAlone {}

    @RestController
    static class TasksInMemory {
        @GetMapping("/api/projects/{id}/tasks")
        Mono<Tasks> tasks(@PathVariable("id") UUID id) {
            return Mono.fromSupplier(() -> new Tasks(IntStream.rangeClosed(1, 10)
                    .mapToObj(n -> new TaskView(n, "Task number " + n, null))
                    .toList()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @WebFluxOnNetty
    @ImportAutoConfiguration({R2dbcAutoConfiguration.class, DataR2dbcAutoConfiguration.class})
    @Import(TasksInTheDatabase.class)
    static class WebFluxWithR2dbc {}

    @RestController
    static class TasksInTheDatabase {
        private final DatabaseClient database;

        TasksInTheDatabase(DatabaseClient database) {
            this.database = database;
        }

        @GetMapping("/api/projects/{id}/tasks")
        Mono<Tasks> tasks(@PathVariable("id") UUID id) {
            return database.sql("""
                            SELECT t.number, t.name, t.completed_at FROM projects p
                            LEFT JOIN tasks t ON t.project_id = p.id
                            WHERE p.id = :id ORDER BY t.number""")
                    .bind("id", id)
                    .map(row -> new TaskView(
                            row.get("number", Integer.class),
                            row.get("name", String.class),
                            completedAt(row.get("completed_at", OffsetDateTime.class))))
                    .all()
                    .collectList()
                    .map(Tasks::new);
        }

        private static @Nullable Instant completedAt(@Nullable OffsetDateTime value) {
            return value == null ? null : value.toInstant();
        }
    }
}
