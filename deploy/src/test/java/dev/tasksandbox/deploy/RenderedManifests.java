package dev.tasksandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code kubectl kustomize <directory>} renders: the objects an operator's {@code kubectl apply -k} would send,
 * and what kustomize said on its standard error. kubectl is the renderer the README tells operators to use, so the
 * test renders with it rather than with a kustomize library of its own.
 */
final class RenderedManifests {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Pattern LINES = Pattern.compile("\\R");

    private final Path directory;
    private final List<Manifest> manifests;
    private final List<String> warnings;

    private RenderedManifests(Path directory, List<Manifest> manifests, List<String> warnings) {
        this.directory = directory;
        this.manifests = manifests;
        this.warnings = warnings;
    }

    /**
     * The kubectl on the PATH. Without one the calling test is skipped, unless the environment says
     * REQUIRE_KUBECTL=true (CI does): then it fails, so that a machine without kubectl cannot pass silently.
     */
    static Path kubectl() {
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isEmpty() && "true".equals(System.getenv("REQUIRE_KUBECTL"))) {
            throw new AssertionError("REQUIRE_KUBECTL=true, but there is no kubectl on the PATH");
        }
        Assumptions.assumeTrue(kubectl.isPresent(), "no kubectl on the PATH: the manifests are not rendered");
        return kubectl.orElseThrow();
    }

    /** Renders the kustomization in {@code directory}; fails when kubectl fails or takes longer than a minute. */
    static RenderedManifests render(Path kubectl, Path directory) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize", ".yaml");
        Path errors = Files.createTempFile("kustomize", ".log");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            if (!process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + directory + " did not finish within " + BOUND);
            }
            String said = Files.readString(errors);
            assertThat(process.exitValue())
                    .as("kubectl kustomize %s: %s", directory, said)
                    .isZero();
            List<Manifest> manifests = new ArrayList<>();
            for (Object document : new Yaml().loadAll(Files.readString(output))) {
                if (document != null) {
                    manifests.add(Manifest.of(document));
                }
            }
            List<String> warnings = LINES.splitAsStream(said)
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
            return new RenderedManifests(directory, manifests, warnings);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    Path directory() {
        return directory;
    }

    List<Manifest> all() {
        return manifests;
    }

    /** What kustomize printed on its standard error (warnings), one line each. */
    List<String> warnings() {
        return warnings;
    }

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    /** The one object of {@code kind} named {@code name}; the test fails when there is none. */
    Manifest named(String kind, String name) {
        List<Manifest> found = manifests.stream()
                .filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .toList();
        assertThat(found).as("%s %s rendered from %s", kind, name, directory).hasSize(1);
        return found.get(0);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Pattern.compile(Pattern.quote(File.pathSeparator))
                .splitAsStream(path)
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
