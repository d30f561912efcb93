package dev.tasksandbox.systemtests;

import dev.tasksandbox.localstack.Infrastructure;

/**
 * Where a stack's PostgreSQL and Kafka are, whether or not they run at this moment: the stacks that kill and
 * restart them keep their addresses, as a database host or a broker does.
 */
record FixedAddresses(int postgresPort, int kafkaPort) implements Infrastructure {

    @Override
    public String postgresHost() {
        return "localhost";
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    @Override
    public void close() {}
}
