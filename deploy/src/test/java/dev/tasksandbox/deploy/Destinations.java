package dev.tasksandbox.deploy;

import static dev.tasksandbox.deploy.Deployments.container;
import static dev.tasksandbox.deploy.Deployments.deployment;
import static dev.tasksandbox.deploy.Deployments.pod;
import static dev.tasksandbox.deploy.Deployments.resolvePort;
import static dev.tasksandbox.deploy.Deployments.selectedBy;
import static dev.tasksandbox.deploy.Deployments.servicePort;
import static dev.tasksandbox.deploy.Rendered.NAMESPACE;
import static dev.tasksandbox.deploy.ServiceSettings.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.deploy.NetworkPolicies.Endpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a service connects to, read from its configuration: the pods and ports behind its addresses, including the
 * clusters the operators run behind their Services.
 */
final class Destinations {

    private Destinations() {}

    /** Somewhere a service connects to, from its configuration. */
    record Destination(String variable, Endpoint endpoint, int port, boolean ingressIsOurs) {}

    static List<Destination> destinations(Map<String, String> environment) {
        List<Destination> destinations = new ArrayList<>();
        if (environment.containsKey("DB_HOST")) {
            Map<String, String> instance =
                    Map.of("cnpg.io/cluster", clusterBehind(environment.get("DB_HOST")), "cnpg.io/podRole", "instance");
            destinations.add(new Destination(
                    "DB_HOST", Endpoint.pod(NAMESPACE, instance), number(environment, "DB_PORT"), true));
        }
        if (environment.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
            // Strimzi writes the brokers' ingress policies itself; ours are the clients' egress.
            String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
            Map<String, String> broker =
                    Map.of("strimzi.io/cluster", kafkaBehind(bootstrap), "strimzi.io/kind", "Kafka");
            int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            destinations.add(new Destination("KAFKA_BOOTSTRAP_SERVERS", Endpoint.pod(NAMESPACE, broker), port, false));
        }
        if (environment.containsKey("REDIS_URL")) {
            // The URL is in a Secret; the README has it point at the Service redis.
            destinations.add(toService("REDIS_URL", "redis", servicePort("redis")));
        }
        environment.forEach((variable, value) -> {
            if (!variable.endsWith("_URI") && !variable.endsWith("_ENDPOINT")) {
                return;
            }
            URI uri = URI.create(value);
            String host = uri.getHost();
            int dot = host.indexOf('.');
            if (dot < 0) {
                destinations.add(toService(variable, host, uri.getPort()));
            } else {
                // <name>.<namespace>, such as zipkin.monitoring: that namespace's ingress is not ours.
                Endpoint other =
                        Endpoint.pod(host.substring(dot + 1), Map.of("app.kubernetes.io/name", host.substring(0, dot)));
                destinations.add(new Destination(variable, other, uri.getPort(), false));
            }
        });
        return destinations;
    }

    /** CloudNativePG's read-write Service is {@code <cluster>-rw}. */
    static String clusterBehind(String host) {
        assertThat(host).endsWith("-rw");
        return host.substring(0, host.length() - "-rw".length());
    }

    /** Strimzi's bootstrap Service is {@code <kafka>-kafka-bootstrap}. */
    static String kafkaBehind(String bootstrapServers) {
        assertThat(bootstrapServers).doesNotContain(",");
        String host = bootstrapServers.substring(0, bootstrapServers.lastIndexOf(':'));
        assertThat(host).endsWith("-kafka-bootstrap");
        return host.substring(0, host.length() - "-kafka-bootstrap".length());
    }

    /** Through a Service of ours to a pod it selects, on the container port its targetPort names. */
    private static Destination toService(String variable, String service, int port) {
        Manifest balancer = Rendered.production().named("Service", service);
        Map<String, Object> servicePort = Manifest.maps(balancer.spec(), "ports").stream()
                .filter(entry -> Integer.valueOf(port).equals(entry.get("port")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no port " + port));
        Manifest deployment = deployment(selectedBy(balancer));
        int containerPort = resolvePort(container(deployment), servicePort.get("targetPort"));
        return new Destination(variable, pod(deployment.name()), containerPort, true);
    }
}
