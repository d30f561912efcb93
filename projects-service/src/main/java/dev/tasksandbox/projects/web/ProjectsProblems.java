package dev.tasksandbox.projects.web;

import dev.tasksandbox.projects.domain.ConcurrentChange;
import dev.tasksandbox.projects.domain.IncompleteTaskLimitReached;
import dev.tasksandbox.projects.domain.ProjectHasIncompleteTasks;
import dev.tasksandbox.projects.domain.ProjectIsArchived;
import dev.tasksandbox.projects.domain.ProjectNotArchived;
import dev.tasksandbox.projects.domain.ProjectNotFound;
import dev.tasksandbox.projects.domain.TaskNotFound;
import dev.tasksandbox.web.ProblemDetailsHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Each projects domain error to its one HTTP status. */
@RestControllerAdvice
class ProjectsProblems extends ProblemDetailsHandler {

    @ExceptionHandler({ProjectNotFound.class, TaskNotFound.class})
    ProblemDetail notFound(RuntimeException error) {
        return problem(HttpStatus.NOT_FOUND, error);
    }

    /** The request is understood but the project's state forbids it now. */
    @ExceptionHandler({
        ProjectIsArchived.class,
        ProjectNotArchived.class,
        ProjectHasIncompleteTasks.class,
        IncompleteTaskLimitReached.class,
        ConcurrentChange.class
    })
    ProblemDetail conflict(RuntimeException error) {
        return problem(HttpStatus.CONFLICT, error);
    }
}
