package dev.tasksandbox.projects.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.testkit.ProjectsApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An operator who switches every observation off (to save their CPU, say) gets a service that works as before and
 * logs no error for it. r2dbc-proxy's statement listener used to fail every statement then, each failure logged
 * with its stack trace.
 */
@TestPropertySource(properties = "management.observations.enable.all=false")
@ExtendWith(OutputCaptureExtension.class)
class UnobservedStatementsIT extends ProjectsServiceIT {

    @Autowired
    WebTestClient http;

    @Test
    void with_every_observation_switched_off_writes_and_reads_work_and_log_no_error(CapturedOutput output) {
        ProjectsApi user = new ProjectsApi(http, accessToken(UUID.randomUUID().toString()));
        int outputBefore = output.getOut().length();

        String project = user.createProject("Unobserved");
        user.addTask(project, "First task");
        user.addTask(project, "Second task");

        assertThat(user.json(project + "/tasks").get("tasks"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .extracting(task -> ((Map<?, ?>) task).get("name"))
                .isEqualTo(List.of("First task", "Second task"));
        assertThat(output.getOut().substring(outputBefore)).doesNotContain(" ERROR ", "ClassCastException");
    }
}
