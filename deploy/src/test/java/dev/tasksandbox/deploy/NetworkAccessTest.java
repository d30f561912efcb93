package dev.tasksandbox.deploy;

import static dev.tasksandbox.deploy.Deployments.container;
import static dev.tasksandbox.deploy.Deployments.containers;
import static dev.tasksandbox.deploy.Deployments.deployment;
import static dev.tasksandbox.deploy.Deployments.pod;
import static dev.tasksandbox.deploy.Deployments.podLabels;
import static dev.tasksandbox.deploy.Deployments.resolvePort;
import static dev.tasksandbox.deploy.Deployments.selectedBy;
import static dev.tasksandbox.deploy.Destinations.destinations;
import static dev.tasksandbox.deploy.Rendered.NAMESPACE;
import static dev.tasksandbox.deploy.ServiceSettings.GATEWAY;
import static dev.tasksandbox.deploy.ServiceSettings.environment;
import static dev.tasksandbox.deploy.ServiceSettings.managementPort;
import static dev.tasksandbox.deploy.ServiceSettings.serverPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.deploy.Destinations.Destination;
import dev.tasksandbox.deploy.NetworkPolicies.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network an operator expects of the NetworkPolicies: nothing passes that no policy admits, the gateway's API is
 * the only way in, and each service reaches what its configuration names and no more.
 */
class NetworkAccessTest {

    private static final String MONITORING = "monitoring";

    @Test
    void the_namespace_denies_whatever_no_policy_admits() {
        NetworkPolicies policies = networkPolicies();
        Endpoint stranger = Endpoint.pod(NAMESPACE, Map.of("app", "stranger"));

        assertThat(Rendered.production().ofKind("NetworkPolicy")).anySatisfy(policy -> {
            assertThat(Manifest.map(policy.spec(), "podSelector")).isEmpty();
            assertThat(Manifest.list(policy.spec(), "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.spec()).doesNotContainKeys("ingress", "egress");
        });
        assertThat(policies.ingressAdmits(stranger, Endpoint.outside(), 8080)).isFalse();
        assertThat(policies.egressAdmits(stranger, Endpoint.outside(), 443)).isFalse();
        assertThat(policies.egressAdmits(stranger, pod("accounts-service"), serverPort("accounts-service")))
                .isFalse();
    }

    @Test
    void only_the_gateway_s_api_port_takes_traffic_from_anywhere() {
        NetworkPolicies policies = networkPolicies();
        int gatewayPort = serverPort(GATEWAY);

        for (Manifest deployment : Rendered.production().ofKind("Deployment")) {
            Endpoint target = Endpoint.pod(deployment.namespace(), podLabels(deployment));
            for (Map<String, Object> container : containers(deployment)) {
                for (Map<String, Object> port : Manifest.maps(container, "ports")) {
                    int number = Manifest.number(port, "containerPort");
                    boolean open = deployment.name().equals(GATEWAY) && number == gatewayPort;

                    assertThat(policies.ingressAdmits(target, Endpoint.outside(), number))
                            .as("%s port %d, from outside the cluster", deployment, number)
                            .isEqualTo(open);
                    assertThat(policies.ingressAdmits(target, Endpoint.pod("elsewhere", Map.of()), number))
                            .as("%s port %d, from a pod of another namespace", deployment, number)
                            .isEqualTo(open);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service"})
    void a_service_s_api_takes_requests_from_the_gateway_only(String service) {
        NetworkPolicies policies = networkPolicies();
        Endpoint target = pod(service);
        int port = serverPort(service);

        assertThat(policies.connects(pod(GATEWAY), target, port)).isTrue();
        for (Manifest other : Rendered.production().ofKind("Deployment")) {
            if (!other.name().equals(GATEWAY)) {
                assertThat(policies.ingressAdmits(target, pod(other.name()), port))
                        .as("%s from %s", service, other)
                        .isFalse();
            }
        }
        assertThat(policies.ingressAdmits(target, Endpoint.pod(MONITORING, Map.of()), port))
                .isFalse();
        assertThat(policies.ingressAdmits(target, Endpoint.pod("elsewhere", podLabels(deployment(GATEWAY))), port))
                .as("a pod labelled like the gateway, in another namespace")
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void an_actuator_answers_prometheus_and_the_gateway_only(String service) {
        NetworkPolicies policies = networkPolicies();
        Endpoint target = pod(service);
        int port = managementPort(service);

        assertThat(policies.connects(Endpoint.pod(MONITORING, Map.of("app", "prometheus")), target, port))
                .isTrue();
        assertThat(policies.ingressAdmits(target, Endpoint.outside(), port)).isFalse();
        for (Manifest other : Rendered.production().ofKind("Deployment")) {
            boolean gatewayCheckingAService = other.name().equals(GATEWAY) && !service.equals(GATEWAY);
            assertThat(policies.connects(pod(other.name()), target, port))
                    .as("%s's actuator from %s", service, other)
                    .isEqualTo(gatewayCheckingAService);
        }
    }

    /**
     * Whatever a service is configured to connect to (database, Kafka, the other services, the gateway, Zipkin,
     * Redis), and DNS, its egress policy lets it reach, and so does the other end's ingress where it is ours.
     */
    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void every_address_a_service_is_configured_with_is_open_to_it(String service) {
        NetworkPolicies policies = networkPolicies();
        Endpoint source = pod(service);
        Endpoint dns = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"));
        List<Destination> destinations = destinations(environment(service));

        assertThat(destinations).hasSizeGreaterThanOrEqualTo(2);
        for (Destination destination : destinations) {
            boolean open = destination.ingressIsOurs()
                    ? policies.connects(source, destination.endpoint(), destination.port())
                    : policies.egressAdmits(source, destination.endpoint(), destination.port());
            assertThat(open).as("%s to %s", service, destination).isTrue();
        }
        assertThat(policies.egressAdmits(source, dns, 53, "UDP")).isTrue();
        assertThat(policies.egressAdmits(source, dns, 53, "TCP")).isTrue();
        assertThat(policies.egressAdmits(source, Endpoint.outside(), 443))
                .as("the internet")
                .isFalse();
    }

    @Test
    void redis_takes_connections_from_the_gateway_only() {
        NetworkPolicies policies = networkPolicies();
        Manifest redis = Rendered.production().named("Service", "redis");
        Manifest deployment = Rendered.production().named("Deployment", selectedBy(redis));
        int port = resolvePort(
                container(deployment),
                Manifest.maps(redis.spec(), "ports").get(0).get("targetPort"));

        for (Manifest other : Rendered.production().ofKind("Deployment")) {
            assertThat(policies.connects(pod(other.name()), pod(deployment.name()), port))
                    .as("redis from %s", other)
                    .isEqualTo(other.name().equals(GATEWAY));
        }
    }

    /** The policies of both kustomizations: the prerequisites' admit the services to the databases. */
    private static NetworkPolicies networkPolicies() {
        List<Manifest> policies = new ArrayList<>(Rendered.production().ofKind("NetworkPolicy"));
        policies.addAll(Rendered.prerequisites().ofKind("NetworkPolicy"));
        return new NetworkPolicies(policies);
    }
}
