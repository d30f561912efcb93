package dev.tasksandbox.deploy;

import static dev.tasksandbox.deploy.Deployments.deployment;
import static dev.tasksandbox.deploy.Destinations.clusterBehind;
import static dev.tasksandbox.deploy.Destinations.kafkaBehind;
import static dev.tasksandbox.deploy.Rendered.NAMESPACE;
import static dev.tasksandbox.deploy.ServiceSettings.environment;
import static dev.tasksandbox.deploy.ServiceSettings.number;
import static dev.tasksandbox.deploy.ServiceSettings.variablesReadBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.contracts.AccountEvents;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operators' resources the services rely on (CloudNativePG's clusters, Strimzi's Kafka and topics) are the ones
 * the services are configured for, set up as they need them.
 */
class PrerequisitesTest {

    /** DB_HOST and KAFKA_BOOTSTRAP_SERVERS are short names, which resolve in the pod's own namespace only. */
    @Test
    void the_prerequisites_live_in_the_namespace_the_services_run_in() {
        Set<String> namespaces = new TreeSet<>();
        for (RenderedManifests rendered : List.of(Rendered.production(), Rendered.prerequisites())) {
            rendered.all().stream()
                    .filter(manifest -> !manifest.kind().equals("Namespace"))
                    .forEach(manifest -> namespaces.add(manifest.namespace()));
        }

        assertThat(namespaces).containsExactly(NAMESPACE);
        assertThat(Rendered.prerequisites().named("Namespace", NAMESPACE)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts-service", "projects-service"})
    void each_service_connects_to_its_own_postgresql_cluster_as_the_owner_of_its_database(String service) {
        Map<String, String> environment = environment(service);
        Manifest cluster = Rendered.prerequisites().named("Cluster", clusterBehind(environment.get("DB_HOST")));
        Map<String, Object> initdb = Manifest.path(cluster.spec(), "bootstrap", "initdb");

        assertThat(Manifest.number(cluster.spec(), "instances"))
                .as("a standby to fail over to")
                .isGreaterThan(1);
        assertThat(environment).containsEntry("DB_PORT", "5432");
        assertThat(initdb)
                .containsEntry("database", environment.get("DB_NAME"))
                .containsEntry("owner", environment.get("DB_USER"));
        assertThat(environment.get("DB_PASSWORD"))
                .isEqualTo("secret:" + Manifest.text(Manifest.map(initdb, "secret"), "name") + "/password");
    }

    @Test
    void the_accounts_database_lets_the_relay_decode_its_log_as_a_replication_role() throws IOException {
        Map<String, String> environment = environment("accounts-service");
        Manifest cluster = Rendered.prerequisites().named("Cluster", clusterBehind(environment.get("DB_HOST")));
        String relayUser = environment.getOrDefault(
                "RELAY_DB_USER", variablesReadBy("accounts-service").get("RELAY_DB_USER"));
        Map<String, Object> relayRole = Manifest.maps(Manifest.map(cluster.spec(), "managed"), "roles").stream()
                .filter(role -> relayUser.equals(role.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no managed role " + relayUser + " in " + cluster));

        assertThat(Manifest.path(cluster.spec(), "postgresql", "parameters"))
                .containsEntry("wal_level", "logical")
                .containsKey("max_slot_wal_keep_size");
        assertThat(relayRole).containsEntry("login", true).containsEntry("replication", true);
        assertThat(environment.get("RELAY_DB_PASSWORD"))
                .isEqualTo("secret:" + Manifest.text(Manifest.map(relayRole, "passwordSecret"), "name") + "/password");
    }

    @Test
    void kafka_runs_in_kraft_mode_on_nodes_that_are_controllers_and_brokers() {
        String bootstrap = environment("accounts-service").get("KAFKA_BOOTSTRAP_SERVERS");
        String kafkaName = kafkaBehind(bootstrap);
        Manifest kafka = Rendered.prerequisites().named("Kafka", kafkaName);
        List<Manifest> pools = Rendered.prerequisites().ofKind("KafkaNodePool").stream()
                .filter(pool -> kafkaName.equals(pool.labels().get("strimzi.io/cluster")))
                .toList();
        Set<Object> roles = new HashSet<>();
        pools.forEach(pool -> roles.addAll(Manifest.list(pool.spec(), "roles")));
        int nodes = pools.stream()
                .mapToInt(pool -> Manifest.number(pool.spec(), "replicas"))
                .sum();
        Map<String, Object> config = Manifest.path(kafka.spec(), "kafka", "config");
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));

        assertThat(environment("projects-service")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        assertThat(Manifest.strings(kafka.metadata(), "annotations"))
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(roles).contains("controller", "broker");
        assertThat(nodes).isGreaterThanOrEqualTo(3);
        assertThat(Manifest.number(config, "min.insync.replicas"))
                .isLessThan(Manifest.number(config, "default.replication.factor"));
        assertThat(Manifest.maps(Manifest.map(kafka.spec(), "kafka"), "listeners"))
                .anySatisfy(listener -> assertThat(listener)
                        .containsEntry("port", port)
                        .containsEntry("type", "internal")
                        .containsEntry("tls", false));
    }

    @Test
    void the_events_topic_and_its_dead_letters_have_the_contract_s_partitions_enough_for_every_consumer() {
        String kafkaName = kafkaBehind(environment("projects-service").get("KAFKA_BOOTSTRAP_SERVERS"));
        Map<String, Integer> partitions = new TreeMap<>();
        for (Manifest topic : Rendered.prerequisites().ofKind("KafkaTopic")) {
            assertThat(topic.labels()).as("%s", topic).containsEntry("strimzi.io/cluster", kafkaName);
            Object name = topic.spec().getOrDefault("topicName", topic.name());
            partitions.put(name.toString(), Manifest.number(topic.spec(), "partitions"));
        }
        int consumers = Manifest.number(deployment("projects-service").spec(), "replicas")
                * number(environment("projects-service"), "EVENT_CONSUMERS");

        assertThat(partitions)
                .containsEntry(AccountEvents.TOPIC, AccountEvents.PARTITIONS)
                .containsEntry(AccountEvents.DEAD_LETTER_TOPIC, AccountEvents.PARTITIONS);
        assertThat(consumers).as("consumers that get a partition").isLessThanOrEqualTo(AccountEvents.PARTITIONS);
    }
}
