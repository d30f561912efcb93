package dev.tasksandbox.deploy;

import static dev.tasksandbox.deploy.Deployments.container;
import static dev.tasksandbox.deploy.Deployments.containerPort;
import static dev.tasksandbox.deploy.Deployments.deployment;
import static dev.tasksandbox.deploy.Deployments.podLabels;
import static dev.tasksandbox.deploy.ServiceSettings.SERVICES;
import static dev.tasksandbox.deploy.ServiceSettings.applicationYml;
import static dev.tasksandbox.deploy.ServiceSettings.managementPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Prometheus scrapes every service, and each alert watches a meter the code publishes and tells what to do. */
class MonitoringTest {

    private static final Pattern ALERT_METRIC = Pattern.compile("\\b(?:outbox_relay|projects)_[a-z_]+");

    @Test
    void every_alert_watches_a_meter_the_code_publishes_and_tells_what_to_do() throws IOException {
        Set<String> published = Meters.publishedSeries();
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Manifest rules : Rendered.production().ofKind("PrometheusRule")) {
            for (Map<String, Object> group : Manifest.maps(rules.spec(), "groups")) {
                alerts.addAll(Manifest.maps(group, "rules"));
            }
        }

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(6);
        for (Map<String, Object> alert : alerts) {
            String name = Manifest.text(alert, "alert");
            Matcher metrics = ALERT_METRIC.matcher(Manifest.text(alert, "expr"));
            Set<String> watched = new TreeSet<>();
            while (metrics.find()) {
                watched.add(metrics.group());
            }

            assertThat(watched).as("%s watches a meter of ours", name).isNotEmpty();
            assertThat(published)
                    .as("%s watches meters the code publishes", name)
                    .containsAll(watched);
            assertThat(Manifest.strings(alert, "labels")).as(name).containsKey("severity");
            assertThat(Manifest.strings(alert, "annotations")).as(name).containsKeys("summary", "description");
        }
    }

    @Test
    void prometheus_scrapes_every_service_s_actuator_on_its_management_port() throws IOException {
        List<Manifest> monitors = Rendered.production().ofKind("PodMonitor");
        assertThat(monitors).hasSize(1);
        Manifest monitor = monitors.get(0);
        List<Map<String, Object>> endpoints = Manifest.maps(monitor.spec(), "podMetricsEndpoints");
        assertThat(endpoints).hasSize(1);
        Map<String, Object> endpoint = endpoints.get(0);

        assertThat(endpoint).containsEntry("path", "/actuator/prometheus");
        for (String service : SERVICES) {
            assertThat(NetworkPolicies.selects(
                            Manifest.map(monitor.spec(), "selector"), podLabels(deployment(service))))
                    .as("the PodMonitor selects %s", service)
                    .isTrue();
            assertThat(containerPort(container(deployment(service)), Manifest.text(endpoint, "port")))
                    .isEqualTo(managementPort(service));
            assertThat(String.valueOf(
                            Manifest.path(applicationYml(service), "management", "endpoints", "web", "exposure")
                                    .get("include")))
                    .contains("prometheus");
        }
    }
}
