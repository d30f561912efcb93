package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.localstack.ContainerInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is held to the services' configuration:
 * what compose sets is what application.yml reads, and the pieces point at each other.
 */
class ComposeFileTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");

    private final Path root =
            Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
    private final Map<String, Map<String, Object>> services = services();

    @ParameterizedTest
    @CsvSource({"accounts-service", "projects-service", "api-gateway"})
    void compose_sets_only_variables_the_service_reads(String service) throws IOException {
        assertThat(variablesReadBy(service).keySet())
                .containsAll(environmentOf(service).keySet());
    }

    /**
     * A setting is required in a container when application.yml has no default for it, or a default that points
     * at this machine (localhost), which inside a container is the container itself.
     */
    @ParameterizedTest
    @CsvSource({"accounts-service", "projects-service", "api-gateway"})
    void compose_sets_every_setting_the_service_requires(String service) throws IOException {
        Set<String> required = new HashSet<>();
        variablesReadBy(service).forEach((variable, defaultValue) -> {
            if (defaultValue == null || defaultValue.contains("localhost")) {
                required.add(variable);
            }
        });

        assertThat(required).isNotEmpty();
        assertThat(environmentOf(service).keySet()).containsAll(required);
    }

    @Test
    void only_the_gateway_is_published_and_it_routes_to_the_services_by_their_compose_names() {
        services.forEach((name, service) -> {
            if (name.equals("zipkin")) {
                assertThat(service.get("ports").toString())
                        .as("Zipkin's UI, for the host only")
                        .startsWith("[127.0.0.1:");
            } else if (!name.equals("api-gateway")) {
                assertThat(service).as(name).doesNotContainKey("ports");
            }
        });
        assertThat(environmentOf("api-gateway"))
                .containsEntry(
                        "ACCOUNTS_URI",
                        "http://accounts-service:"
                                + environmentOf("accounts-service").get("SERVER_PORT"))
                .containsEntry(
                        "PROJECTS_URI",
                        "http://projects-service:"
                                + environmentOf("projects-service").get("SERVER_PORT"));
        assertThat(environmentOf("projects-service").get("ACCOUNTS_JWKS_URI"))
                .startsWith("http://accounts-service:"
                        + environmentOf("accounts-service").get("SERVER_PORT") + "/");
        assertThat(dependencies("api-gateway"))
                .containsEntry("accounts-service", Map.of("condition", "service_healthy"))
                .containsEntry("projects-service", Map.of("condition", "service_healthy"));
    }

    /**
     * Every gateway instance counts the login and registration limits in the one Redis, which it reaches with
     * Redis's own password; the gateway does not wait for it (without Redis it counts in memory).
     */
    @Test
    void the_gateway_keeps_its_limits_in_the_redis_of_compose() {
        assertThat(environmentOf("api-gateway")).containsEntry("REDIS_URL", "redis://:${REDIS_PASSWORD}@redis:6379");
        assertThat(services.get("redis").get("command").toString()).contains("--requirepass \"$$REDIS_PASSWORD\"");
        assertThat(environmentOf("redis").get("REDIS_PASSWORD")).startsWith("${REDIS_PASSWORD:?");
        assertThat(dependencies("api-gateway")).doesNotContainKey("redis");
    }

    @Test
    void every_container_has_a_health_check_and_every_dependency_waits_for_health() {
        services.forEach((name, service) -> {
            assertThat(service).as(name).containsKey("healthcheck");
            Map<String, Object> dependencies = dependencies(name);
            if (dependencies != null) {
                dependencies
                        .values()
                        .forEach(condition ->
                                assertThat(condition).as(name).isEqualTo(Map.of("condition", "service_healthy")));
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"accounts-service, postgres-accounts, accounts", "projects-service, postgres-projects, projects"})
    void each_service_points_at_its_own_database(String service, String database, String name) {
        Map<String, String> environment = environmentOf(service);

        assertThat(environment)
                .containsEntry("DB_HOST", database)
                .containsEntry("DB_NAME", name)
                .containsEntry("DB_PORT", "5432");
        assertThat(environmentOf(database)).containsEntry("POSTGRES_DB", name);
        assertThat(dependencies(service))
                .containsEntry(database, Map.of("condition", "service_healthy"))
                .containsEntry("kafka", Map.of("condition", "service_healthy"));
    }

    /**
     * Least privilege: each service connects as the role its database container creates (deploy/postgres), never
     * as the superuser, and accounts' relay as a role of its own.
     */
    @ParameterizedTest
    @CsvSource({"accounts-service, postgres-accounts", "projects-service, postgres-projects"})
    void each_service_connects_as_the_role_its_database_creates_for_it(String service, String database)
            throws IOException {
        Map<String, String> client = environmentOf(service);
        Map<String, String> server = environmentOf(database);

        assertThat(client.get("DB_USER"))
                .isEqualTo(server.get("SERVICE_DB_USER"))
                .isNotEqualTo(server.get("POSTGRES_USER"));
        assertThat(client.get("DB_PASSWORD")).isEqualTo(server.get("SERVICE_DB_PASSWORD"));
        assertThat(client.get("RELAY_DB_USER")).isEqualTo(server.get("RELAY_DB_USER"));
        assertThat(client.get("RELAY_DB_PASSWORD")).isEqualTo(server.get("RELAY_DB_PASSWORD"));
        String initScript = Files.readString(root.resolve("deploy/postgres/service-roles.sh"));
        assertThat(services.get(database).get("volumes").toString())
                .contains("./deploy/postgres/service-roles.sh:/docker-entrypoint-initdb.d/service-roles.sh:ro")
                .contains("./deploy/postgres:/etc/tasksandbox/postgres:ro");
        assertThat(initScript).contains("sql=/etc/tasksandbox/postgres");
    }

    /** Compose refuses to start with a secret missing ({@code ${VAR:?message}}) rather than use a default. */
    @Test
    void no_secret_has_a_default() {
        services.forEach((name, service) -> {
            if (service.get("environment") == null) {
                return;
            }
            environmentOf(name).forEach((variable, value) -> {
                if (variable.endsWith("PASSWORD") || variable.equals("TOKEN_SIGNING_KEY")) {
                    assertThat(value).as(name + " " + variable).matches("\\$\\{[A-Z_]+:\\?.+}");
                }
            });
        });
    }

    /** The JVMs exit when they run out of memory (ExitOnOutOfMemoryError): something must start them again. */
    @Test
    void every_container_restarts_unless_an_operator_stopped_it() {
        services.forEach(
                (name, service) -> assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped"));
    }

    @Test
    void services_reach_kafka_on_its_advertised_internal_listener() {
        String advertised = environmentOf("kafka").get("KAFKA_ADVERTISED_LISTENERS");

        for (String service : List.of("accounts-service", "projects-service")) {
            assertThat(advertised).contains("//" + environmentOf(service).get("KAFKA_BOOTSTRAP_SERVERS"));
        }
    }

    @Test
    void the_accounts_database_has_logical_decoding_on_for_debezium() {
        assertThat(services.get("postgres-accounts").get("command").toString()).contains("wal_level=logical");
    }

    @ParameterizedTest
    @CsvSource({"accounts-service, 8081", "projects-service, 8082", "api-gateway, 8080"})
    void the_image_is_built_for_the_service_and_port_compose_checks(String service, String port) throws IOException {
        assertThat(Files.readString(root.resolve("Dockerfile")))
                .contains("EXPOSE ${PORT}")
                .contains("-pl ${SERVICE}")
                .contains("USER app")
                .contains("MaxRAMPercentage");
        assertThat(services.get(service).get("build"))
                .isEqualTo(Map.of("context", ".", "args", Map.of("SERVICE", service, "PORT", Integer.valueOf(port))));
        assertThat(environmentOf(service)).containsEntry("SERVER_PORT", port);
        String actuatorPort = environmentOf(service).getOrDefault("MANAGEMENT_PORT", port);
        assertThat(services.get(service).get("healthcheck").toString())
                .contains("http://localhost:" + actuatorPort + "/actuator/health/readiness");
    }

    @ParameterizedTest
    @CsvSource({"accounts-service", "projects-service", "api-gateway"})
    void every_service_sends_its_spans_to_compose_s_zipkin_without_waiting_for_it(String service) {
        assertThat(environmentOf(service))
                .containsEntry("ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans")
                .containsKeys("TRACING_SAMPLING_PROBABILITY", "TRACING_ENABLED");
        assertThat(services.get("zipkin").get("healthcheck").toString()).contains("http://localhost:9411/health");
        assertThat(dependencies(service)).doesNotContainKey("zipkin");
    }

    @Test
    void the_gateway_publishes_its_api_port_and_keeps_its_metrics_port_inside() {
        Map<String, String> gateway = environmentOf("api-gateway");

        assertThat(gateway.get("MANAGEMENT_PORT")).isNotNull().isNotEqualTo(gateway.get("SERVER_PORT"));
        assertThat(services.get("api-gateway").get("ports").toString())
                .contains(":" + gateway.get("SERVER_PORT"))
                .doesNotContain(":" + gateway.get("MANAGEMENT_PORT"));
    }

    @Test
    void the_opt_in_testcontainers_fixtures_use_the_images_of_compose() {
        assertThat(services.get("postgres-accounts").get("image")).isEqualTo(ContainerInfrastructure.POSTGRES_IMAGE);
        assertThat(services.get("postgres-projects").get("image")).isEqualTo(ContainerInfrastructure.POSTGRES_IMAGE);
        assertThat(services.get("kafka").get("image")).isEqualTo(ContainerInfrastructure.KAFKA_IMAGE);
    }

    /** Each environment variable application.yml reads, with its default (null when it has none). */
    private Map<String, String> variablesReadBy(String service) throws IOException {
        String yml = Files.readString(root.resolve(service).resolve("src/main/resources/application.yml"));
        Map<String, String> variables = new java.util.HashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(yml);
        while (matcher.find()) {
            variables.put(matcher.group(1), matcher.group(3));
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environmentOf(String service) {
        Map<String, Object> environment =
                (Map<String, Object>) services.get(service).get("environment");
        Map<String, String> values = new java.util.HashMap<>();
        environment.forEach((name, value) -> values.put(name, String.valueOf(value)));
        return values;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dependencies(String service) {
        return (Map<String, Object>) services.get(service).get("depends_on");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
