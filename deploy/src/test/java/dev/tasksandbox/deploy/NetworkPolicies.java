package dev.tasksandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * Whether a connection would pass the NetworkPolicies of a namespace, read as Kubernetes reads them: a pod that some
 * policy selects for a direction is isolated in it, and then only what one of those policies' rules admits passes; a
 * connection passes when the source's egress and the destination's ingress both let it. Only the parts of the API
 * these manifests use are read (label selectors, namespaces by their {@code kubernetes.io/metadata.name} label, port
 * numbers); anything else fails the test rather than being guessed at.
 */
final class NetworkPolicies {

    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private final List<Manifest> policies;

    NetworkPolicies(List<Manifest> policies) {
        this.policies = policies;
    }

    /** A pod, somewhere in the cluster, or a client outside it ({@link #outside()}). */
    record Endpoint(boolean inCluster, String namespace, Map<String, String> labels) {

        static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(true, namespace, labels);
        }

        /** A client outside the cluster: no pod selector or namespace selector matches it. */
        static Endpoint outside() {
            return new Endpoint(false, "", Map.of());
        }

        @Override
        public String toString() {
            return inCluster ? "pod " + labels + " in namespace " + namespace : "a client outside the cluster";
        }
    }

    /** Whether {@code source} may open a connection to {@code destination} on {@code port} over TCP. */
    boolean connects(Endpoint source, Endpoint destination, int port) {
        return connects(source, destination, port, "TCP");
    }

    /** Whether {@code source} may reach {@code destination} on {@code port} and {@code protocol}, both ends agreeing. */
    boolean connects(Endpoint source, Endpoint destination, int port, String protocol) {
        return egressAdmits(source, destination, port, protocol) && ingressAdmits(destination, source, port, protocol);
    }

    /** Whether the policies of {@code destination} let {@code source} in on {@code port} over TCP. */
    boolean ingressAdmits(Endpoint destination, Endpoint source, int port) {
        return ingressAdmits(destination, source, port, "TCP");
    }

    /** Whether the policies of {@code destination} let {@code source} in on {@code port} and {@code protocol}. */
    boolean ingressAdmits(Endpoint destination, Endpoint source, int port, String protocol) {
        return admits(destination, "Ingress", "ingress", "from", source, port, protocol);
    }

    /** Whether the policies of {@code source} let it out to {@code destination} on {@code port} over TCP. */
    boolean egressAdmits(Endpoint source, Endpoint destination, int port) {
        return egressAdmits(source, destination, port, "TCP");
    }

    /** Whether the policies of {@code source} let it out to {@code destination} on {@code port} and {@code protocol}. */
    boolean egressAdmits(Endpoint source, Endpoint destination, int port, String protocol) {
        return admits(source, "Egress", "egress", "to", destination, port, protocol);
    }

    private boolean admits(
            Endpoint subject, String type, String rulesKey, String peersKey, Endpoint peer, int port, String protocol) {
        if (!subject.inCluster()) {
            // Not ours to police: only pods are subject to NetworkPolicies.
            return true;
        }
        List<Manifest> isolating = policies.stream()
                .filter(policy -> policy.namespace().equals(subject.namespace()))
                .filter(policy -> selects(Manifest.map(policy.spec(), "podSelector"), subject.labels()))
                .filter(policy -> types(policy).contains(type))
                .toList();
        if (isolating.isEmpty()) {
            return true;
        }
        for (Manifest policy : isolating) {
            for (Map<String, Object> rule : Manifest.maps(policy.spec(), rulesKey)) {
                if (portMatches(rule, port, protocol) && peerMatches(policy, rule, peersKey, peer)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The policy's types: as written, or as Kubernetes defaults them (Ingress, and Egress when it has rules). */
    private static List<String> types(Manifest policy) {
        List<Object> written = Manifest.list(policy.spec(), "policyTypes");
        if (!written.isEmpty()) {
            return written.stream().map(String::valueOf).toList();
        }
        return policy.spec().containsKey("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static boolean portMatches(Map<String, Object> rule, int port, String protocol) {
        List<Map<String, Object>> ports = Manifest.maps(rule, "ports");
        if (ports.isEmpty()) {
            return true;
        }
        for (Map<String, Object> entry : ports) {
            Object written = entry.get("port");
            assertThat(written)
                    .as("the test reads port numbers only, not %s", entry)
                    .isInstanceOf(Integer.class);
            int from = (Integer) written;
            int to = entry.containsKey("endPort") ? Manifest.number(entry, "endPort") : from;
            String entryProtocol = String.valueOf(entry.getOrDefault("protocol", "TCP"));
            if (entryProtocol.equals(protocol) && from <= port && port <= to) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(Manifest policy, Map<String, Object> rule, String peersKey, Endpoint endpoint) {
        List<Map<String, Object>> peers = Manifest.maps(rule, peersKey);
        if (peers.isEmpty()) {
            return true;
        }
        for (Map<String, Object> peer : peers) {
            if (peer.containsKey("ipBlock")) {
                // Meant for addresses outside the cluster; which pods' addresses it covers depends on the network
                // plugin, so it is taken to cover no pod.
                if (!endpoint.inCluster()) {
                    return true;
                }
                continue;
            }
            if (!endpoint.inCluster()) {
                continue;
            }
            boolean namespaceMatches = peer.containsKey("namespaceSelector")
                    ? selects(Manifest.map(peer, "namespaceSelector"), Map.of(NAMESPACE_NAME, endpoint.namespace()))
                    : endpoint.namespace().equals(policy.namespace());
            boolean podMatches =
                    !peer.containsKey("podSelector") || selects(Manifest.map(peer, "podSelector"), endpoint.labels());
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }

    /** Whether a label selector selects an object with {@code labels}; an empty selector selects every object. */
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> required :
                Manifest.strings(selector, "matchLabels").entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> expression : Manifest.maps(selector, "matchExpressions")) {
            String key = Manifest.text(expression, "key");
            List<String> values = Manifest.list(expression, "values").stream()
                    .map(String::valueOf)
                    .toList();
            boolean matches = switch (Manifest.text(expression, "operator")) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown selector operator in " + expression);
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
