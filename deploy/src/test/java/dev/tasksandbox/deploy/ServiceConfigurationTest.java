package dev.tasksandbox.deploy;

import static dev.tasksandbox.deploy.Deployments.container;
import static dev.tasksandbox.deploy.Deployments.containerPort;
import static dev.tasksandbox.deploy.Deployments.deployment;
import static dev.tasksandbox.deploy.Deployments.resolvePort;
import static dev.tasksandbox.deploy.Deployments.selectedBy;
import static dev.tasksandbox.deploy.Deployments.servicePort;
import static dev.tasksandbox.deploy.ServiceSettings.GATEWAY;
import static dev.tasksandbox.deploy.ServiceSettings.applicationYml;
import static dev.tasksandbox.deploy.ServiceSettings.environment;
import static dev.tasksandbox.deploy.ServiceSettings.number;
import static dev.tasksandbox.deploy.ServiceSettings.variablesReadBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Production gives each service what its application.yml reads, as ComposeFileTest holds docker-compose.yml to it:
 * the settings it cannot default inside a pod, its ports and probes, its tracing, and the other services' addresses.
 */
class ServiceConfigurationTest {

    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void each_service_is_given_only_variables_its_application_yml_reads(String service) throws IOException {
        assertThat(variablesReadBy(service).keySet())
                .containsAll(environment(service).keySet());
    }

    /**
     * A setting is required in a pod when application.yml has no default for it, or a default that points at this
     * machine (localhost), which inside a pod is the pod itself.
     */
    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void each_service_is_given_every_setting_it_cannot_default_inside_a_pod(String service) throws IOException {
        Set<String> required = new TreeSet<>();
        variablesReadBy(service).forEach((variable, defaultValue) -> {
            if (defaultValue == null || defaultValue.contains("localhost")) {
                required.add(variable);
            }
        });

        assertThat(required).isNotEmpty();
        assertThat(environment(service).keySet()).containsAll(required);
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void each_service_s_service_sends_its_api_port_to_the_port_the_service_listens_on(String service) {
        int serverPort = number(environment(service), "SERVER_PORT");
        Manifest deployment = deployment(service);
        Map<String, Object> container = container(deployment);
        Manifest balancer = Rendered.production().named("Service", service);
        List<Map<String, Object>> ports = Manifest.maps(balancer.spec(), "ports");

        assertThat(containerPort(container, "http")).isEqualTo(serverPort);
        assertThat(selectedBy(balancer)).isEqualTo(deployment.name());
        assertThat(ports)
                .as("%s exposes the API only, not the actuator", balancer)
                .hasSize(1);
        assertThat(resolvePort(container, ports.get(0).get("targetPort"))).isEqualTo(serverPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void the_probes_ask_the_actuator_s_probe_groups_on_the_management_port(String service) throws IOException {
        Map<String, String> environment = environment(service);
        int managementPort = number(environment, "MANAGEMENT_PORT");
        Map<String, Object> container = container(deployment(service));
        Map<String, Object> startup = Manifest.map(container, "startupProbe");
        Map<String, Object> liveness = Manifest.map(container, "livenessProbe");
        Map<String, Object> readiness = Manifest.map(container, "readinessProbe");

        assertThat(managementPort).isNotEqualTo(number(environment, "SERVER_PORT"));
        assertThat(containerPort(container, "management")).isEqualTo(managementPort);
        assertThat(Manifest.path(applicationYml(service), "management", "endpoint", "health", "probes"))
                .containsEntry("enabled", true);
        for (Map<String, Object> probe : List.of(startup, liveness, readiness)) {
            assertThat(resolvePort(container, Manifest.map(probe, "httpGet").get("port")))
                    .isEqualTo(managementPort);
        }
        assertThat(Manifest.map(startup, "httpGet")).containsEntry("path", "/actuator/health/liveness");
        assertThat(Manifest.map(liveness, "httpGet")).containsEntry("path", "/actuator/health/liveness");
        assertThat(Manifest.map(readiness, "httpGet")).containsEntry("path", "/actuator/health/readiness");
        assertThat(startup).containsEntry("periodSeconds", 2).containsEntry("failureThreshold", 60);
        assertThat(liveness).containsEntry("periodSeconds", 10).containsEntry("failureThreshold", 3);
        assertThat(readiness).containsEntry("periodSeconds", 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void each_service_sends_its_spans_to_zipkin_at_a_set_sampling_rate(String service) {
        Map<String, String> environment = environment(service);

        assertThat(environment).containsKeys("ZIPKIN_ENDPOINT", "TRACING_SAMPLING_PROBABILITY", "TRACING_ENABLED");
        assertThat(URI.create(environment.get("ZIPKIN_ENDPOINT")).getPath()).isEqualTo("/api/v2/spans");
        assertThat(Double.parseDouble(environment.get("TRACING_SAMPLING_PROBABILITY")))
                .isBetween(0.0, 1.0);
    }

    /**
     * The gateway reaches each service through its Service (which balances over the pods), not per pod; projects
     * fetches the signing keys through the gateway, which routes /.well-known/** to accounts.
     */
    @Test
    void the_gateway_reaches_the_services_through_their_services_and_projects_fetches_keys_through_the_gateway()
            throws IOException {
        Map<String, String> gateway = environment(GATEWAY);

        assertThat(gateway)
                .containsEntry("ACCOUNTS_URI", "http://accounts-service:" + servicePort("accounts-service"))
                .containsEntry("PROJECTS_URI", "http://projects-service:" + servicePort("projects-service"))
                .doesNotContainKeys("ACCOUNTS_HEALTH_URI", "PROJECTS_HEALTH_URI");
        assertThat(environment("projects-service"))
                .containsEntry(
                        "ACCOUNTS_JWKS_URI", "http://api-gateway:" + servicePort(GATEWAY) + "/.well-known/jwks.json");
        assertThat(StackFiles.read("api-gateway/src/main/resources/application.yml"))
                .contains("/.well-known/**");
    }
}
