package dev.tasksandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * What kubectl renders holds to the API's schema, as the API server would hold it on {@code kubectl apply}, and
 * kustomize has nothing to say of it but what kustomize 2 makes necessary.
 */
class ManifestSchemaTest {

    /** The operators' own kinds, which fabric8's validator has no schema for; PrerequisitesTest reads them. */
    private static final Set<String> GROUPS_WITHOUT_SCHEMA = Set.of("postgresql.cnpg.io", "kafka.strimzi.io");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "prerequisites"})
    void every_object_rendered_is_valid_against_the_schema_of_its_kind(String kustomization) {
        RenderedManifests rendered = Rendered.of(kustomization);
        assertThat(rendered.all()).isNotEmpty();
        for (Manifest manifest : rendered.all()) {
            if (GROUPS_WITHOUT_SCHEMA.contains(manifest.group())) {
                continue;
            }
            assertThat(SchemaCheck.knowsKind(manifest.fields()))
                    .as(
                            "the schema check knows %s (%s), rather than passing it unread",
                            manifest, manifest.apiVersion())
                    .isTrue();
            assertThat(SchemaCheck.errors(manifest.fields())).as("%s", manifest).isEmpty();
        }
    }

    /** The check above can never go silent: a misspelt field is an error, in a group it translates too. */
    @Test
    void the_schema_check_refuses_misspelt_fields() {
        Map<String, Object> deployment = new Yaml().load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: misspelt
            spec:
              replica: 2
              selector:
                matchLabels: {app: misspelt}
              template:
                metadata:
                  labels: {app: misspelt}
                spec:
                  containers:
                    - name: misspelt
                      image: misspelt
                      imagePullPolicyy: Always
            """);
        Map<String, Object> policy = new Yaml().load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: misspelt
            spec:
              podSelector: {}
              policyType: [Ingress]
            """);

        assertThat(SchemaCheck.errors(deployment))
                .anyMatch(error -> error.contains("\"replica\""))
                .anyMatch(error -> error.contains("\"imagePullPolicyy\""));
        assertThat(SchemaCheck.errors(policy)).anyMatch(error -> error.contains("\"policyType\""));
    }

    /** kustomize 5 calls bases and patchesStrategicMerge deprecated; kustomize 2.0.3 (kubectl 1.20) knows no other. */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "prerequisites"})
    void kustomize_warns_of_nothing_but_the_fields_kustomize_2_needs(String kustomization) {
        assertThat(Rendered.of(kustomization).warnings())
                .allSatisfy(line -> assertThat(line)
                        .containsAnyOf("'bases' is deprecated", "'patchesStrategicMerge' is deprecated"));
    }
}
