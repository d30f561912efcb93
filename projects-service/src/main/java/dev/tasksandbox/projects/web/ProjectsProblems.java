package dev.tasksandbox.projects.web;

import dev.tasksandbox.projects.domain.IncompleteTaskLimitReached;
import dev.tasksandbox.projects.domain.ProjectIsArchived;
import dev.tasksandbox.projects.domain.TaskNotFound;
import dev.tasksandbox.web.ProblemDetailsHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Each projects domain error to its one HTTP status. */
@RestControllerAdvice
class ProjectsProblems extends ProblemDetailsHandler {

    @ExceptionHandler({ProjectIsArchived.class, IncompleteTaskLimitReached.class})
    ProblemDetail conflict(RuntimeException error) {
        return problem(HttpStatus.CONFLICT, error);
    }

    @ExceptionHandler(TaskNotFound.class)
    ProblemDetail notFound(TaskNotFound error) {
        return problem(HttpStatus.NOT_FOUND, error);
    }
}
