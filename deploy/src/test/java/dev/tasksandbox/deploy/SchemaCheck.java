package dev.tasksandbox.deploy;

import io.fabric8.kubernetes.schema.validator.ValidationMessage;
import io.fabric8.kubernetes.schema.validator.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks objects against the Kubernetes API's schema (and the other schemas fabric8's validator bundles, the
 * prometheus-operator's among them), as the API server would on {@code kubectl apply}, without a cluster: an unknown
 * or misspelt field, a missing required one or a value of the wrong type is an error.
 *
 * <p>Two habits of kubernetes-model-validator 7.5.2 are worked around here, each narrowly. It finds the schema of
 * {@code a.b.c/v1} under {@code c.b.a.v1}, but the schema names the built-in groups {@code io.k8s.api.<group>}: for
 * {@code networking.k8s.io/v1} it would look for {@code io.k8s.networking.v1.NetworkPolicy}, find nothing and report
 * nothing. So a group {@code <name>.k8s.io} is looked up as {@code <name>}, which it maps to {@code io.k8s.api.<name>}.
 * And its schema types {@code IntOrString} as a string only, so a port or a {@code maxUnavailable} written as a
 * number, as Kubernetes takes it, is reported; those reports, and only those, are dropped.
 */
final class SchemaCheck {

    private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private static final Validator VALIDATOR = Validator.newInstance();

    private SchemaCheck() {}

    /** The errors the schema finds in {@code fields}; empty when the object is valid or its kind is unknown. */
    static List<String> errors(Map<String, Object> fields) {
        Map<String, Object> lookedUp = new LinkedHashMap<>(fields);
        Object apiVersion = fields.get("apiVersion");
        if (apiVersion instanceof String version && version.contains(".k8s.io/")) {
            lookedUp.put("apiVersion", version.replace(".k8s.io/", "/"));
        }
        try {
            return VALIDATOR.validate(new Yaml().dump(lookedUp)).getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationMessage.Level.ERROR)
                    .filter(message -> !isIntegerAsIntOrString(message))
                    .map(ValidationMessage::getMessage)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the validator knows the kind of {@code fields} at all: it must refuse a copy with a field that no
     * schema has. A kind it does not know it passes silently, which must never be mistaken for a check.
     */
    static boolean knowsKind(Map<String, Object> fields) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put("noSuchField", "a field no Kubernetes object has");
        return errors(copy).stream().anyMatch(error -> error.contains("noSuchField"));
    }

    private static boolean isIntegerAsIntOrString(ValidationMessage message) {
        String schema = message.getSchema();
        return schema != null
                && schema.endsWith(INT_OR_STRING)
                && message.getMessage().contains("Instance type (integer)");
    }
}
