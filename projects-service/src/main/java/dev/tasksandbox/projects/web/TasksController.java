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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Tasks", description = "The tasks of one of the caller's projects, numbered 1, 2, 3 per project")
@RestController
@RequestMapping("/api/projects/{id}/tasks")
class TasksController {

    record NewTask(
            @Schema(minLength = 4, maxLength = 32, description = ProjectsController.NAME)
            String name) {}

    record TaskList(List<ProjectQueries.TaskView> tasks) {}

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

    @Operation(operationId = "addTask", summary = "Add a task; numbers run 1, 2, 3 per project and are never reused")
    @ApiResponse(responseCode = "303", description = "Added; Location is the new task")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's")
    @ApiResponse(
            responseCode = "409",
            description = "The project is archived, or its limit of incomplete tasks is reached")
    @ApiResponse(responseCode = "422", description = "Invalid name")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> add(
            @AuthenticationPrincipal Jwt token, @PathVariable String id, @RequestBody NewTask request) {
        ProjectId project = projectId(id);
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<TaskName> name = validation.check(() -> new TaskName(request.name()));
        validation.throwIfInvalid();
        return addTask.handle(new AddTask.Command(AccessTokens.userOf(token), project, name.value()))
                .map(number -> seeTask(project, number));
    }

    @Operation(operationId = "listTasks", summary = "The project's tasks, by number")
    @ApiResponse(responseCode = "200", description = "The tasks")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's")
    @GetMapping
    Mono<TaskList> tasks(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        ProjectId project = projectId(id);
        return queries.tasks(AccessTokens.userOf(token), project)
                .map(TaskList::new)
                .switchIfEmpty(Mono.error(() -> new ProjectNotFound(project)));
    }

    @Operation(operationId = "getTask", summary = "One task")
    @ApiResponse(responseCode = "200", description = "The task")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's, or no such task")
    @ApiResponse(responseCode = "422", description = "Number below 1")
    @GetMapping("/{number}")
    Mono<ProjectQueries.TaskView> task(
            @AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable String number) {
        ProjectId project = projectId(id);
        TaskNumber task = taskNumber(number);
        return queries.task(AccessTokens.userOf(token), project, task)
                .switchIfEmpty(Mono.error(() -> new TaskNotFound(task)));
    }

    @Operation(
            operationId = "completeTask",
            summary = "Complete a task; completing it again keeps the first completedAt")
    @ApiResponse(responseCode = "303", description = "Completed; Location is the task")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's, or no such task")
    @ApiResponse(responseCode = "409", description = "The project is archived")
    @PutMapping("/{number}/complete")
    Mono<ResponseEntity<Void>> complete(
            @AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable String number) {
        ProjectId project = projectId(id);
        TaskNumber task = taskNumber(number);
        return completeTask
                .handle(AccessTokens.userOf(token), project, task)
                .then(Mono.fromSupplier(() -> seeTask(project, task)));
    }

    @Operation(operationId = "incompleteTask", summary = "Mark a task incomplete again")
    @ApiResponse(responseCode = "303", description = "Incomplete; Location is the task")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's, or no such task")
    @ApiResponse(
            responseCode = "409",
            description = "The project is archived, or its limit of incomplete tasks is reached")
    @PutMapping("/{number}/incomplete")
    Mono<ResponseEntity<Void>> incomplete(
            @AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable String number) {
        ProjectId project = projectId(id);
        TaskNumber task = taskNumber(number);
        return incompleteTask
                .handle(AccessTokens.userOf(token), project, task)
                .then(Mono.fromSupplier(() -> seeTask(project, task)));
    }

    private static ResponseEntity<Void> seeTask(ProjectId project, TaskNumber number) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/api/projects/" + project + "/tasks/" + number.value()))
                .build();
    }
}
