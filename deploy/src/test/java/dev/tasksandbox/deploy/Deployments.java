package dev.tasksandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.deploy.NetworkPolicies.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading production's Deployments: their pods, containers, volumes and ports, and the Services in front of them. */
final class Deployments {

    private Deployments() {}

    static Manifest deployment(String name) {
        return Rendered.production().named("Deployment", name);
    }

    static Map<String, Object> podSpec(Manifest deployment) {
        return Manifest.path(deployment.spec(), "template", "spec");
    }

    static Map<String, String> podLabels(Manifest deployment) {
        return Manifest.strings(Manifest.path(deployment.spec(), "template", "metadata"), "labels");
    }

    /** The pods of the Deployment {@code deployment}, as the network policies see them. */
    static Endpoint pod(String deployment) {
        Manifest found = deployment(deployment);
        return Endpoint.pod(found.namespace(), podLabels(found));
    }

    /** The pod's containers, its init containers first. */
    static List<Map<String, Object>> containers(Manifest deployment) {
        List<Map<String, Object>> containers = new ArrayList<>(Manifest.maps(podSpec(deployment), "initContainers"));
        containers.addAll(Manifest.maps(podSpec(deployment), "containers"));
        return containers;
    }

    /** The service's one container. */
    static Map<String, Object> container(Manifest deployment) {
        List<Map<String, Object>> containers = Manifest.maps(podSpec(deployment), "containers");
        assertThat(containers).as("containers of %s", deployment).hasSize(1);
        return containers.get(0);
    }

    static Map<String, Object> volume(Manifest deployment, String name) {
        return Manifest.maps(podSpec(deployment), "volumes").stream()
                .filter(volume -> name.equals(volume.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deployment + " has no volume " + name));
    }

    static int containerPort(Map<String, Object> container, String name) {
        return Manifest.maps(container, "ports").stream()
                .filter(port -> name.equals(port.get("name")))
                .mapToInt(port -> Manifest.number(port, "containerPort"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    /** A port as a probe or a Service's targetPort names it: a number, or the name of a container port. */
    static int resolvePort(Map<String, Object> container, Object port) {
        assertThat(port).isNotNull();
        return port instanceof Integer number ? number : containerPort(container, port.toString());
    }

    /** The name of the one Deployment whose pods the Service selects. */
    static String selectedBy(Manifest service) {
        Map<String, Object> selector = Map.of("matchLabels", Manifest.map(service.spec(), "selector"));
        List<String> selected = Rendered.production().ofKind("Deployment").stream()
                .filter(deployment -> NetworkPolicies.selects(selector, podLabels(deployment)))
                .map(Manifest::name)
                .toList();
        assertThat(selected).as("Deployments %s selects", service).hasSize(1);
        return selected.get(0);
    }

    /** The one port of the Service {@code service}. */
    static int servicePort(String service) {
        List<Map<String, Object>> ports =
                Manifest.maps(Rendered.production().named("Service", service).spec(), "ports");
        assertThat(ports).hasSize(1);
        return Manifest.number(ports.get(0), "port");
    }
}
