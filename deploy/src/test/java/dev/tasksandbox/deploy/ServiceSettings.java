package dev.tasksandbox.deploy;

import static dev.tasksandbox.deploy.Deployments.container;
import static dev.tasksandbox.deploy.Deployments.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A service's settings from both ends: the environment production's manifests give its container, and what its
 * application.yml reads ({@code ${NAME:default}} placeholders) and sets.
 */
final class ServiceSettings {

    static final String GATEWAY = "api-gateway";
    static final List<String> SERVICES = List.of("accounts-service", "projects-service", GATEWAY);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");

    private ServiceSettings() {}

    /**
     * The environment a service's container gets: the entries of its ConfigMaps, then its own variables; one taken
     * from a Secret reads {@code secret:<name>/<key>}.
     */
    static Map<String, String> environment(String service) {
        Map<String, Object> container = container(deployment(service));
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : Manifest.maps(container, "envFrom")) {
            Map<String, Object> configMap = Manifest.map(source, "configMapRef");
            assertThat(configMap)
                    .as("%s takes variables from ConfigMaps only", service)
                    .isNotEmpty();
            environment.putAll(Manifest.strings(
                    Rendered.production()
                            .named("ConfigMap", Manifest.text(configMap, "name"))
                            .fields(),
                    "data"));
        }
        for (Map<String, Object> variable : Manifest.maps(container, "env")) {
            Map<String, Object> secret = Manifest.path(variable, "valueFrom", "secretKeyRef");
            environment.put(
                    Manifest.text(variable, "name"),
                    secret.isEmpty()
                            ? Manifest.text(variable, "value")
                            : "secret:" + Manifest.text(secret, "name") + "/" + Manifest.text(secret, "key"));
        }
        return environment;
    }

    static int number(Map<String, String> environment, String variable) {
        assertThat(environment).containsKey(variable);
        return Integer.parseInt(environment.get(variable));
    }

    static int serverPort(String service) {
        return number(environment(service), "SERVER_PORT");
    }

    static int managementPort(String service) {
        return number(environment(service), "MANAGEMENT_PORT");
    }

    static Map<String, Object> applicationYml(String service) throws IOException {
        return new Yaml().load(StackFiles.read(service + "/src/main/resources/application.yml"));
    }

    /** Each environment variable application.yml reads, with its default (null when it has none). */
    static Map<String, String> variablesReadBy(String service) throws IOException {
        Map<String, String> variables = new HashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(StackFiles.read(service + "/src/main/resources/application.yml"));
        while (matcher.find()) {
            variables.put(matcher.group(1), matcher.group(3));
        }
        return variables;
    }
}
