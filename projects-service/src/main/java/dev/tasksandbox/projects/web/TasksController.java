package dev.tasksandbox.projects.web;

import static dev.tasksandbox.projects.web.PathParameters.projectId;
import static dev.tasksandbox.projects.web.PathParameters.taskNumber;

import dev.tasksandbox.kernel.FieldValidation;
import dev.tasksandbox.projects.application.AddTask;
import dev.tasksandbox.projects.application.CompleteTask;
import dev.tasksandbox.projects.application.IncompleteTask;
import dev.tasksandbox.projects.application.ProjectQueries;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.ProjectNotFound;
import dev.tasksandbox.projects.domain.TaskName;
import dev.tasksandbox.projects.domain.TaskNotFound;
import dev.tasksandbox.projects.domain.TaskNumber;
import dev.tasksandbox.web.AccessTokens;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Tasks of one of the caller's projects. Writes answer 303 to the task. */
@RestController
@RequestMapping("/api/projects/{id}/tasks")
class TasksController {

    record NewTask(String name) {
    }

    record TaskList(List<ProjectQueries.TaskView> tasks) {
    }

    private final AddTask addTask;
    private final CompleteTask completeTask;
    private final IncompleteTask incompleteTask;
    private final ProjectQueries queries;

    TasksController(AddTask addTask, CompleteTask completeTask, IncompleteTask incompleteTask, ProjectQueries queries) {
        this.addTask = addTask;
        this.completeTask = completeTask;
        this.incompleteTask = incompleteTask;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> add(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                                   @RequestBody NewTask request) {
        ProjectId project = projectId(id);
        FieldValidation validation = new FieldValidation();
        TaskName name = validation.check(() -> new TaskName(request.name()));
        validation.throwIfInvalid();
        return addTask.handle(new AddTask.Command(AccessTokens.userOf(token), project, name))
                .map(number -> seeTask(project, number));
    }

    @GetMapping
    Mono<TaskList> tasks(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        ProjectId project = projectId(id);
        return queries.tasks(AccessTokens.userOf(token), project)
                .map(TaskList::new)
                .switchIfEmpty(Mono.error(() -> new ProjectNotFound(project)));
    }

    @GetMapping("/{number}")
    Mono<ProjectQueries.TaskView> task(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                                       @PathVariable String number) {
        ProjectId project = projectId(id);
        TaskNumber task = taskNumber(number);
        return queries.task(AccessTokens.userOf(token), project, task)
                .switchIfEmpty(Mono.error(() -> new TaskNotFound(task)));
    }

    @PutMapping("/{number}/complete")
    Mono<ResponseEntity<Void>> complete(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                                        @PathVariable String number) {
        ProjectId project = projectId(id);
        TaskNumber task = taskNumber(number);
        return completeTask.handle(AccessTokens.userOf(token), project, task)
                .then(Mono.fromSupplier(() -> seeTask(project, task)));
    }

    @PutMapping("/{number}/incomplete")
    Mono<ResponseEntity<Void>> incomplete(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                                          @PathVariable String number) {
        ProjectId project = projectId(id);
        TaskNumber task = taskNumber(number);
        return incompleteTask.handle(AccessTokens.userOf(token), project, task)
                .then(Mono.fromSupplier(() -> seeTask(project, task)));
    }

    private static ResponseEntity<Void> seeTask(ProjectId project, TaskNumber number) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/api/projects/" + project + "/tasks/" + number.value()))
                .build();
    }
}
