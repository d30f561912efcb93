package dev.tasksandbox.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code ./run-local.sh --replicas N} lays out N instances of each service: their ports, their names, and
 * the share of the database and of the topic's partitions each one gets.
 */
final class Replicas {

    private static final int MAX_REPLICAS = 4;
    private static final int PORT_STEP = 100;
    /** contracts' AccountEvents.PARTITIONS (this module does not build against contracts): more consumers idle. */
    static final int TOPIC_PARTITIONS = 3;
    /** projects' and accounts' DB_POOL_MAX_SIZE default. */
    private static final int DEFAULT_POOL_SIZE = 20;

    private Replicas() {}

    /** {@code --replicas N}: how many instances of accounts-service and of projects-service, 1 to 4. */
    static int count(String[] args) {
        List<String> list = List.of(args);
        int at = list.indexOf("--replicas");
        if (at < 0) {
            return 1;
        }
        int replicas = at + 1 < list.size() ? Integer.parseInt(list.get(at + 1)) : 0;
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas takes a number from 1 to " + MAX_REPLICAS);
        }
        return replicas;
    }

    /** Instance i listens on the base ports plus 100 times i: 8081, 8181, 8281 and their actuators 9081, 9181 ... */
    static List<InstancePorts> ports(int port, int managementPort, int replicas) {
        List<InstancePorts> ports = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            ports.add(new InstancePorts(port + PORT_STEP * i, managementPort + PORT_STEP * i));
        }
        return ports;
    }

    static void requireDistinct(
            Infrastructure infrastructure,
            ZipkinServer zipkin,
            InstancePorts gateway,
            List<InstancePorts> accounts,
            List<InstancePorts> projects) {
        Map<Integer, String> owners = new HashMap<>();
        claim(owners, infrastructure.postgresPort(), "PostgreSQL");
        claim(owners, zipkin.port(), "Zipkin");
        claim(owners, gateway.port(), "gateway");
        claim(owners, gateway.managementPort(), "gateway's actuator");
        for (int i = 0; i < accounts.size(); i++) {
            claim(owners, accounts.get(i).port(), instanceName("accounts", i, accounts.size()));
            claim(
                    owners,
                    accounts.get(i).managementPort(),
                    instanceName("accounts", i, accounts.size()) + "'s actuator");
            claim(owners, projects.get(i).port(), instanceName("projects", i, projects.size()));
            claim(
                    owners,
                    projects.get(i).managementPort(),
                    instanceName("projects", i, projects.size()) + "'s actuator");
        }
    }

    private static void claim(Map<Integer, String> owners, int port, String owner) {
        String other = owners.putIfAbsent(port, owner);
        if (other != null) {
            throw new IllegalArgumentException("Port " + port + " is given to both " + other + " and " + owner);
        }
    }

    static String instanceName(String service, int index, int replicas) {
        return replicas == 1 ? service : service + "-" + (index + 1);
    }

    /** Replicas share one PostgreSQL: each gets a share of the connections one instance would have. */
    static Map<String, String> sharedDatabase(int replicas) {
        return replicas == 1
                ? Map.of()
                : Map.of("DB_POOL_MAX_SIZE", Integer.toString(Math.max(5, DEFAULT_POOL_SIZE / replicas)));
    }

    /** Consumer threads per projects instance, so that together they cover the topic's partitions. */
    static int consumersEach(int replicas) {
        return (TOPIC_PARTITIONS + replicas - 1) / replicas;
    }
}
