package dev.tasksandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * kubectl 1.14 to 1.20 embed kustomize 2.0.3, which refuses a field of a kustomization it does not know and a
 * directory among {@code resources}; a newer kubectl (CI's, most likely) renders both without a word. So the
 * kustomization files are held to what kustomize 2.0.3 reads (its {@code pkg/types/kustomization.go}), with or
 * without a kubectl on this machine.
 */
class KustomizationFilesTest {

    private static final Set<String> FIELDS = Set.of(
            "apiVersion",
            "kind",
            "namePrefix",
            "nameSuffix",
            "namespace",
            "commonLabels",
            "commonAnnotations",
            "patchesStrategicMerge",
            "patchesJson6902",
            "images",
            "vars",
            "resources",
            "crds",
            "bases",
            "configMapGenerator",
            "secretGenerator",
            "generatorOptions",
            "configurations");
    private static final Set<String> GENERATOR_FIELDS =
            Set.of("namespace", "name", "behavior", "literals", "files", "env");
    private static final Set<String> GENERATOR_OPTIONS = Set.of("labels", "annotations", "disableNameSuffixHash");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");

    private static final Path KUBERNETES = StackFiles.ROOT.resolve("deploy/kubernetes");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "prerequisites"})
    void each_kustomization_uses_only_what_kustomize_2_0_3_reads(String directory) throws IOException {
        Path home = KUBERNETES.resolve(directory);
        Map<String, Object> kustomization = new Yaml().load(Files.readString(home.resolve("kustomization.yaml")));

        assertThat(kustomization)
                .containsEntry("apiVersion", "kustomize.config.k8s.io/v1beta1")
                .containsEntry("kind", "Kustomization");
        assertThat(FIELDS).containsAll(kustomization.keySet());
        Manifest.list(kustomization, "resources")
                .forEach(file -> assertThat(home.resolve(file.toString())).isRegularFile());
        Manifest.list(kustomization, "patchesStrategicMerge")
                .forEach(file -> assertThat(home.resolve(file.toString())).isRegularFile());
        Manifest.list(kustomization, "bases")
                .forEach(base -> assertThat(home.resolve(base.toString()).resolve("kustomization.yaml"))
                        .isRegularFile());
        Manifest.maps(kustomization, "configMapGenerator")
                .forEach(generator -> assertThat(GENERATOR_FIELDS).containsAll(generator.keySet()));
        Manifest.maps(kustomization, "images")
                .forEach(image -> assertThat(IMAGE_FIELDS).containsAll(image.keySet()));
        assertThat(GENERATOR_OPTIONS)
                .containsAll(Manifest.map(kustomization, "generatorOptions").keySet());
    }
}
