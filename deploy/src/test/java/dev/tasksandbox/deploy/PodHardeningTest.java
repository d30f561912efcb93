package dev.tasksandbox.deploy;

import static dev.tasksandbox.deploy.Deployments.container;
import static dev.tasksandbox.deploy.Deployments.containers;
import static dev.tasksandbox.deploy.Deployments.deployment;
import static dev.tasksandbox.deploy.Deployments.podLabels;
import static dev.tasksandbox.deploy.Deployments.podSpec;
import static dev.tasksandbox.deploy.Deployments.volume;
import static dev.tasksandbox.deploy.ServiceSettings.GATEWAY;
import static dev.tasksandbox.deploy.ServiceSettings.SERVICES;
import static dev.tasksandbox.deploy.ServiceSettings.applicationYml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' pods: the registry's images, several of each, locked down and with bounded resources, stopping
 * gracefully, and a node drain that leaves each service running.
 */
class PodHardeningTest {

    private static final Pattern DOCKERFILE_UID = Pattern.compile("useradd\\b[^\\n]*--uid (\\d+)");
    private static final Pattern SECONDS = Pattern.compile("(\\d+)s");
    /** Spring Boot's spring.lifecycle.timeout-per-shutdown-phase when application.yml does not set it. */
    private static final int DEFAULT_SHUTDOWN_PHASE_SECONDS = 30;

    /** The overlay's images: entries name the base's images, so each is replaced by the registry's, at a tag. */
    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void production_runs_each_service_s_image_from_the_registry_at_a_tag(String service) {
        assertThat(Manifest.text(container(deployment(service)), "image"))
                .matches("[a-z0-9.-]+(:[0-9]+)?/([a-z0-9._-]+/)*" + Pattern.quote(service) + ":[A-Za-z0-9._-]+");
    }

    @ParameterizedTest
    @CsvSource({"accounts-service, 2", "projects-service, 3", "api-gateway, 2"})
    void each_service_runs_as_several_pods(String service, int replicas) {
        assertThat(Manifest.number(deployment(service).spec(), "replicas")).isEqualTo(replicas);
    }

    @Test
    void every_container_has_requests_limits_and_a_locked_down_security_context() {
        assertThat(Rendered.production().ofKind("Deployment")).hasSizeGreaterThanOrEqualTo(SERVICES.size());
        for (Manifest deployment : Rendered.production().ofKind("Deployment")) {
            Map<String, Object> pod = podSpec(deployment);
            Map<String, Object> podSecurity = Manifest.map(pod, "securityContext");

            assertThat(pod).as("%s", deployment).containsEntry("automountServiceAccountToken", false);
            assertThat(podSecurity).as("%s", deployment).containsEntry("runAsNonRoot", true);
            assertThat(podSecurity.get("runAsUser"))
                    .as("%s runs as a numeric non-root user", deployment)
                    .isInstanceOf(Integer.class)
                    .isNotEqualTo(0);
            assertThat(Manifest.map(podSecurity, "seccompProfile"))
                    .as("%s", deployment)
                    .containsEntry("type", "RuntimeDefault");
            for (Map<String, Object> container : containers(deployment)) {
                String what = deployment + " container " + container.get("name");
                Map<String, Object> security = Manifest.map(container, "securityContext");
                Map<String, Object> resources = Manifest.map(container, "resources");

                assertThat(security)
                        .as(what)
                        .containsEntry("allowPrivilegeEscalation", false)
                        .containsEntry("readOnlyRootFilesystem", true);
                assertThat(Manifest.list(Manifest.map(security, "capabilities"), "drop"))
                        .as(what)
                        .containsExactly("ALL");
                assertThat(Manifest.map(resources, "requests")).as(what).containsKeys("cpu", "memory");
                assertThat(Manifest.map(resources, "limits")).as(what).containsKeys("cpu", "memory");
            }
        }
    }

    /**
     * The services run the Dockerfile's image: its user, a writable /tmp on a read-only root, and the memory its
     * JVM sizes its heap by (-XX:MaxRAMPercentage of the limit) guaranteed, not overcommitted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void each_service_runs_the_image_s_user_with_a_writable_tmp_and_guaranteed_memory(String service)
            throws IOException {
        Manifest deployment = deployment(service);
        Map<String, Object> container = container(deployment);
        Matcher uid = DOCKERFILE_UID.matcher(StackFiles.read("Dockerfile"));
        Map<String, Object> resources = Manifest.map(container, "resources");
        Map<String, Object> tmp = Manifest.maps(container, "volumeMounts").stream()
                .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has nothing mounted on /tmp"));

        assertThat(uid.find()).as("the Dockerfile's useradd --uid").isTrue();
        assertThat(Manifest.map(podSpec(deployment), "securityContext"))
                .containsEntry("runAsUser", Integer.valueOf(uid.group(1)));
        assertThat(StackFiles.read("Dockerfile")).contains("MaxRAMPercentage");
        assertThat(Manifest.map(resources, "requests").get("memory"))
                .isEqualTo(Manifest.map(resources, "limits").get("memory"));
        assertThat(volume(deployment, Manifest.text(tmp, "name"))).containsKey("emptyDir");
    }

    /**
     * On a stop the pod first leaves its Service's endpoints (preStop), then Boot finishes the requests in flight
     * (graceful shutdown, one phase), all before the kubelet kills it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service", GATEWAY})
    void a_stopping_pod_leaves_its_service_and_finishes_its_requests_before_it_is_killed(String service)
            throws IOException {
        Manifest deployment = deployment(service);
        List<Object> preStop =
                Manifest.list(Manifest.path(container(deployment), "lifecycle", "preStop", "exec"), "command");
        Map<String, Object> application = applicationYml(service);
        Object phase = Manifest.path(application, "spring", "lifecycle").get("timeout-per-shutdown-phase");
        int phaseSeconds = phase == null ? DEFAULT_SHUTDOWN_PHASE_SECONDS : seconds(phase.toString());

        assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
        assertThat(Manifest.map(application, "server")).containsEntry("shutdown", "graceful");
        assertThat(Manifest.number(podSpec(deployment), "terminationGracePeriodSeconds"))
                .isGreaterThan(Integer.parseInt(preStop.get(1).toString()) + phaseSeconds);
    }

    @ParameterizedTest
    @CsvSource({
        "accounts-service, maxUnavailable, 1",
        "projects-service, maxUnavailable, 1",
        "api-gateway, minAvailable, 1"
    })
    void a_node_drain_leaves_each_service_running(String service, String field, int value) {
        assertThat(budgetOf(deployment(service)).spec()).containsEntry(field, value);
    }

    /** A budget that lets no pod go would stop every node drain; one that keeps none would protect nothing. */
    @Test
    void every_deployment_of_several_pods_has_a_disruption_budget_that_lets_one_go_at_a_time() {
        for (Manifest deployment : Rendered.production().ofKind("Deployment")) {
            int replicas = Manifest.number(deployment.spec(), "replicas");
            if (replicas > 1) {
                Map<String, Object> budget = budgetOf(deployment).spec();
                int mayGo = budget.containsKey("maxUnavailable")
                        ? Manifest.number(budget, "maxUnavailable")
                        : replicas - Manifest.number(budget, "minAvailable");
                assertThat(mayGo)
                        .as("pods of %s a drain may stop at once", deployment)
                        .isBetween(1, replicas - 1);
            }
        }
    }

    private static Manifest budgetOf(Manifest deployment) {
        List<Manifest> budgets = Rendered.production().ofKind("PodDisruptionBudget").stream()
                .filter(budget ->
                        NetworkPolicies.selects(Manifest.map(budget.spec(), "selector"), podLabels(deployment)))
                .toList();
        assertThat(budgets).as("disruption budgets of %s's pods", deployment).hasSize(1);
        return budgets.get(0);
    }

    private static int seconds(String duration) {
        Matcher matcher = SECONDS.matcher(duration);
        assertThat(matcher.matches()).as("a duration in seconds: %s", duration).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
