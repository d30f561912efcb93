package dev.tasksandbox.projects.web;

import static dev.tasksandbox.projects.web.PathParameters.projectId;

import dev.tasksandbox.kernel.FieldValidation;
import dev.tasksandbox.kernel.InvalidInput;
import dev.tasksandbox.projects.application.ArchiveProject;
import dev.tasksandbox.projects.application.CreateProject;
import dev.tasksandbox.projects.application.DeleteProject;
import dev.tasksandbox.projects.application.ProjectQueries;
import dev.tasksandbox.projects.application.UnarchiveProject;
import dev.tasksandbox.projects.application.UpdateProject;
import dev.tasksandbox.projects.domain.IncompleteTaskLimit;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.ProjectName;
import dev.tasksandbox.projects.domain.ProjectNotFound;
import dev.tasksandbox.web.AccessTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Projects of the caller. Writes answer 303 to what they changed, as the sandbox's clients expect. */
@Tag(name = "Projects", description = "The caller's projects: another user's project is a 404, like a missing one")
@RestController
@RequestMapping("/api/projects")
class ProjectsController {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;

    record NewProject(
            @Schema(minLength = 4, maxLength = 32, description = NAME)
            String name) {}

    record ProjectUpdate(
            @Schema(minLength = 4, maxLength = 32, description = NAME)
            String name,

            @Schema(minimum = "0", description = "How many tasks may be incomplete at once; null or absent: no limit")
            @Nullable
            Integer maxIncompleteTasks) {}

    static final String NAME = "4 to 32 characters once trimmed";

    private final CreateProject createProject;
    private final UpdateProject updateProject;
    private final ArchiveProject archiveProject;
    private final UnarchiveProject unarchiveProject;
    private final DeleteProject deleteProject;
    private final ProjectQueries queries;

    ProjectsController(
            CreateProject createProject,
            UpdateProject updateProject,
            ArchiveProject archiveProject,
            UnarchiveProject unarchiveProject,
            DeleteProject deleteProject,
            ProjectQueries queries) {
        this.createProject = createProject;
        this.updateProject = updateProject;
        this.archiveProject = archiveProject;
        this.unarchiveProject = unarchiveProject;
        this.deleteProject = deleteProject;
        this.queries = queries;
    }

    @Operation(operationId = "createProject", summary = "Create a project")
    @ApiResponse(responseCode = "303", description = "Created; Location is the new project")
    @ApiResponse(responseCode = "422", description = "Invalid name")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> create(@AuthenticationPrincipal Jwt token, @RequestBody NewProject request) {
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<ProjectName> name = validation.check(() -> new ProjectName(request.name()));
        validation.throwIfInvalid();
        return createProject
                .handle(new CreateProject.Command(AccessTokens.userOf(token), name.value()))
                .map(ProjectsController::seeProject);
    }

    @Operation(
            operationId = "listProjects",
            summary = "The caller's projects, oldest first, a page at a time (keyset: pass nextAfter as after)")
    @ApiResponse(responseCode = "200", description = "A page")
    @ApiResponse(responseCode = "422", description = "Bad limit or after")
    @GetMapping
    Mono<ProjectQueries.ProjectPage> list(
            @AuthenticationPrincipal Jwt token,
            @Parameter(
                            description = "Projects per page",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MAX_PAGE,
                                            defaultValue = "" + DEFAULT_PAGE))
                    @RequestParam(defaultValue = "" + DEFAULT_PAGE)
                    int limit,
            @Parameter(
                            description = "The nextAfter of the page before; absent for the first page",
                            schema = @Schema(format = "uuid"))
                    @RequestParam(required = false)
                    @Nullable
                    String after) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("limit", "must be 1 to " + MAX_PAGE)));
        }
        ProjectId cursor = after == null ? null : projectId("after", after);
        return queries.projects(AccessTokens.userOf(token), limit, cursor);
    }

    @Operation(operationId = "getProject", summary = "One project")
    @ApiResponse(responseCode = "200", description = "The project")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's")
    @GetMapping("/{id}")
    Mono<ProjectQueries.ProjectDetails> project(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        ProjectId project = projectId(id);
        return queries.project(AccessTokens.userOf(token), project)
                .switchIfEmpty(Mono.error(() -> new ProjectNotFound(project)));
    }

    @Operation(
            operationId = "updateProject",
            summary = "Rename a project and set its limit of incomplete tasks (null: none)")
    @ApiResponse(responseCode = "303", description = "Changed; Location is the project")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's")
    @ApiResponse(responseCode = "409", description = "The project is archived")
    @ApiResponse(responseCode = "422", description = "Invalid name or limit")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> update(
            @AuthenticationPrincipal Jwt token, @PathVariable String id, @RequestBody ProjectUpdate request) {
        ProjectId project = projectId(id);
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<ProjectName> name = validation.check(() -> new ProjectName(request.name()));
        FieldValidation.Checked<IncompleteTaskLimit> limit =
                validation.check(() -> new IncompleteTaskLimit(request.maxIncompleteTasks()));
        validation.throwIfInvalid();
        return updateProject
                .handle(new UpdateProject.Command(AccessTokens.userOf(token), project, name.value(), limit.value()))
                .then(Mono.fromSupplier(() -> seeProject(project)));
    }

    @Operation(operationId = "archiveProject", summary = "Archive a project whose tasks are all complete")
    @ApiResponse(responseCode = "204", description = "Archived")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's")
    @ApiResponse(responseCode = "409", description = "Incomplete tasks remain, or already archived")
    @PutMapping("/{id}/archive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> archive(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return archiveProject.handle(AccessTokens.userOf(token), projectId(id));
    }

    @Operation(operationId = "unarchiveProject", summary = "Unarchive a project")
    @ApiResponse(responseCode = "204", description = "Unarchived")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's")
    @ApiResponse(responseCode = "409", description = "Not archived")
    @PutMapping("/{id}/unarchive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unarchive(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return unarchiveProject.handle(AccessTokens.userOf(token), projectId(id));
    }

    @Operation(operationId = "deleteProject", summary = "Delete an archived project, for good")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's")
    @ApiResponse(responseCode = "409", description = "Not archived")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return deleteProject.handle(AccessTokens.userOf(token), projectId(id));
    }

    static ResponseEntity<Void> seeProject(ProjectId project) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/api/projects/" + project))
                .build();
    }
}
