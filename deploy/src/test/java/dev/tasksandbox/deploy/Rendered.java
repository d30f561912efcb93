package dev.tasksandbox.deploy;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The two kustomizations an operator applies, production's overlay and the prerequisites, rendered once per JVM for
 * every test class. They cannot be applied here (no cluster), so they are rendered with {@code kubectl kustomize}, as
 * an operator's {@code kubectl apply -k} would render them.
 */
final class Rendered {

    /** The namespace everything rendered runs in. */
    static final String NAMESPACE = "tasksandbox";

    private static @Nullable Rendered rendered;
    /** Why rendering failed, when it has; a later test fails with it rather than render again. */
    private static @Nullable String failure;

    private final RenderedManifests production;
    private final RenderedManifests prerequisites;

    private Rendered(RenderedManifests production, RenderedManifests prerequisites) {
        this.production = production;
        this.prerequisites = prerequisites;
    }

    static RenderedManifests production() {
        return kustomizations().production;
    }

    static RenderedManifests prerequisites() {
        return kustomizations().prerequisites;
    }

    /** The rendering of {@code kustomization}: {@code overlays/production} or {@code prerequisites}. */
    static RenderedManifests of(String kustomization) {
        return switch (kustomization) {
            case "overlays/production" -> production();
            case "prerequisites" -> prerequisites();
            default -> throw new AssertionError("a kustomization that is not rendered: " + kustomization);
        };
    }

    /**
     * Both renderings, made on the first call. Without a kubectl each call skips its test, or fails it (see
     * {@link RenderedManifests#kubectl()}); once rendering has failed, each later call fails with what it said
     * rather than render (and perhaps wait a minute) again.
     */
    private static synchronized Rendered kustomizations() {
        Path kubectl = RenderedManifests.kubectl();
        if (failure != null) {
            throw new AssertionError("the kustomizations could not be rendered: " + failure);
        }
        Rendered kustomizations = rendered;
        if (kustomizations == null) {
            try {
                kustomizations = new Rendered(render(kubectl, "overlays/production"), render(kubectl, "prerequisites"));
            } catch (IOException | AssertionError e) {
                failure = e.toString();
                throw new AssertionError("the kustomizations could not be rendered", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while rendering the kustomizations", e);
            }
            rendered = kustomizations;
        }
        return kustomizations;
    }

    private static RenderedManifests render(Path kubectl, String kustomization)
            throws IOException, InterruptedException {
        return RenderedManifests.render(
                kubectl, StackFiles.ROOT.resolve("deploy/kubernetes").resolve(kustomization));
    }
}
