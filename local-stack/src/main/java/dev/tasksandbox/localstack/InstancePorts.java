package dev.tasksandbox.localstack;

/** The two ports of one service instance: its API's, which the gateway routes to, and its actuator's. */
public record InstancePorts(int port, int managementPort) {

    /** Where the instance's API answers. */
    public String apiUrl() {
        return "http://localhost:" + port;
    }

    /** Where the instance says whether it is ready, on its actuator's port. */
    public String readinessUrl() {
        return "http://localhost:" + managementPort + "/actuator/health/readiness";
    }
}
