package dev.tasksandbox.deploy;

import static dev.tasksandbox.deploy.Deployments.container;
import static dev.tasksandbox.deploy.Deployments.containers;
import static dev.tasksandbox.deploy.Deployments.deployment;
import static dev.tasksandbox.deploy.Deployments.podSpec;
import static dev.tasksandbox.deploy.Deployments.volume;
import static dev.tasksandbox.deploy.ServiceSettings.SERVICES;
import static dev.tasksandbox.deploy.ServiceSettings.environment;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Passwords, the signing key and Redis' URL (its password is in it) reach the services from Secrets, never a
 * ConfigMap, and are never committed: each Secret is one the README tells the operator how to create.
 */
class SecretsTest {

    @ParameterizedTest
    @CsvSource({
        "accounts-service, DB_PASSWORD, accounts-db-owner",
        "accounts-service, RELAY_DB_PASSWORD, accounts-db-relay",
        "projects-service, DB_PASSWORD, projects-db-owner",
        "api-gateway, REDIS_URL, tasksandbox-redis"
    })
    void secrets_reach_the_services_from_secrets(String service, String variable, String secret) {
        assertThat(environment(service)).containsEntry(variable, "secret:" + secret + "/" + keyOf(variable));
    }

    @Test
    void no_secret_is_written_into_the_manifests() {
        for (String name : SERVICES) {
            environment(name).forEach((key, value) -> {
                if (key.endsWith("PASSWORD") || key.equals("REDIS_URL") || key.equals("TOKEN_SIGNING_KEY")) {
                    assertThat(value).as("%s of %s", key, name).startsWith("secret:");
                }
            });
        }
        assertThat(Rendered.production().ofKind("Secret"))
                .as("no secret value is committed")
                .isEmpty();
        assertThat(Rendered.prerequisites().ofKind("Secret"))
                .as("no secret value is committed")
                .isEmpty();
    }

    @Test
    void accounts_reads_its_signing_key_from_the_secret_mounted_where_its_configuration_says() {
        Manifest accounts = deployment("accounts-service");
        Path keyFile = Path.of(environment("accounts-service").get("TOKEN_SIGNING_KEY_FILE"));
        Map<String, Object> mount = Manifest.maps(container(accounts), "volumeMounts").stream()
                .filter(m -> keyFile.getParent().toString().equals(m.get("mountPath")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + keyFile.getParent()));
        Map<String, Object> secret = Manifest.map(volume(accounts, Manifest.text(mount, "name")), "secret");
        List<Map<String, Object>> items = Manifest.maps(secret, "items");

        assertThat(mount).containsEntry("readOnly", true);
        assertThat(secret).containsEntry("secretName", "tasksandbox-token-signing");
        assertThat(items)
                .as("the Secret's key that becomes %s", keyFile.getFileName())
                .anySatisfy(item -> assertThat(item)
                        .containsEntry("key", "signing-key.pem")
                        .containsEntry("path", keyFile.getFileName().toString()));
        assertThat(environment("accounts-service")).doesNotContainKey("TOKEN_SIGNING_KEY");
    }

    @Test
    void every_secret_the_manifests_use_is_one_the_readme_says_how_to_create() throws IOException {
        String readme = StackFiles.read("deploy/kubernetes/README.md");
        Map<String, Set<String>> keysBySecret = new TreeMap<>();
        Set<String> basicAuth = new TreeSet<>();
        for (Manifest deployment : Rendered.production().ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                for (Map<String, Object> variable : Manifest.maps(container, "env")) {
                    Map<String, Object> ref = Manifest.path(variable, "valueFrom", "secretKeyRef");
                    if (!ref.isEmpty()) {
                        keys(keysBySecret, Manifest.text(ref, "name")).add(Manifest.text(ref, "key"));
                    }
                }
            }
            for (Map<String, Object> volume : Manifest.maps(podSpec(deployment), "volumes")) {
                Map<String, Object> secret = Manifest.map(volume, "secret");
                if (!secret.isEmpty()) {
                    Set<String> keys = keys(keysBySecret, Manifest.text(secret, "secretName"));
                    Manifest.maps(secret, "items").forEach(item -> keys.add(Manifest.text(item, "key")));
                }
            }
        }
        for (Manifest cluster : Rendered.prerequisites().ofKind("Cluster")) {
            Map<String, Object> initdb = Manifest.path(cluster.spec(), "bootstrap", "initdb");
            basicAuth.add(Manifest.text(Manifest.map(initdb, "secret"), "name"));
            for (Map<String, Object> role : Manifest.maps(Manifest.map(cluster.spec(), "managed"), "roles")) {
                basicAuth.add(Manifest.text(Manifest.map(role, "passwordSecret"), "name"));
            }
        }
        basicAuth.forEach(secret -> keys(keysBySecret, secret).addAll(List.of("username", "password")));

        assertThat(keysBySecret).containsKeys("tasksandbox-token-signing", "tasksandbox-redis");
        keysBySecret.forEach((secret, keys) -> {
            String command = createSecretCommand(readme, secret);
            keys.forEach(key -> assertThat(command)
                    .as("the README's command for %s", secret)
                    .contains(key + "="));
            if (basicAuth.contains(secret)) {
                assertThat(command).as("CloudNativePG reads %s", secret).contains("--type=kubernetes.io/basic-auth");
            }
        });
    }

    /** The key of its Secret a variable reads: a password under {@code password}, an address under {@code url}. */
    private static String keyOf(String variable) {
        return variable.endsWith("PASSWORD") ? "password" : "url";
    }

    private static Set<String> keys(Map<String, Set<String>> keysBySecret, String secret) {
        return keysBySecret.computeIfAbsent(secret, name -> new TreeSet<>());
    }

    /** The README's {@code kubectl ... create secret <type> <name>} command, its continuation lines included. */
    private static String createSecretCommand(String readme, String secret) {
        Matcher start = Pattern.compile("create secret \\S+ " + Pattern.quote(secret) + "(?=\\s)")
                .matcher(readme);
        assertThat(start.find())
                .as("the README says how to create the Secret %s", secret)
                .isTrue();
        int end = start.end();
        while (true) {
            int newline = readme.indexOf('\n', end);
            if (newline < 0) {
                return readme.substring(start.start());
            }
            if (!readme.substring(start.start(), newline).stripTrailing().endsWith("\\")) {
                return readme.substring(start.start(), newline);
            }
            end = newline + 1;
        }
    }
}
