package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

/** What the read benchmarks read: a project of one user's with ten tasks. */
final class TenTasks {

    private TenTasks() {}

    /** Creates the project through the gateway at {@code gatewayUrl} and answers the URL of its task list. */
    static String of(String gatewayUrl, Api.User user) {
        Api api = new Api(gatewayUrl).withToken(user.accessToken());
        Api.Answer created = api.post("/api/projects", Api.body("name", "Benchmark reads"));
        assertThat(created.status()).as(created.toString()).isEqualTo(303);
        String project = created.header("Location");
        for (int i = 1; i <= 10; i++) {
            assertThat(api.post(project + "/tasks", Api.body("name", "Task number " + i))
                            .status())
                    .isEqualTo(303);
        }
        return gatewayUrl + project + "/tasks";
    }
}
