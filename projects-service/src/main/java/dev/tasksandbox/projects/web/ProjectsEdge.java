package dev.tasksandbox.projects.web;

import dev.tasksandbox.projects.domain.ConcurrentChange;
import dev.tasksandbox.projects.domain.IncompleteTaskLimitReached;
import dev.tasksandbox.projects.domain.ProjectHasIncompleteTasks;
import dev.tasksandbox.projects.domain.ProjectIsArchived;
import dev.tasksandbox.projects.domain.ProjectNotArchived;
import dev.tasksandbox.projects.domain.ProjectNotFound;
import dev.tasksandbox.projects.domain.ProjectsError;
import dev.tasksandbox.projects.domain.TaskNotFound;
import dev.tasksandbox.web.DomainErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What projects tells the edge chassis (web-support): each domain error's status. It declares no open request:
 * every request of its API needs an access token.
 */
@Configuration(proxyBeanMethods = false)
class ProjectsEdge {

    /** A missing project and another user's are both 404; a state that forbids the request now is a 409. */
    @Bean
    DomainErrors projectsErrors() {
        return DomainErrors.of(ProjectsError.class)
                .map(HttpStatus.NOT_FOUND, ProjectNotFound.class, TaskNotFound.class)
                .map(
                        HttpStatus.CONFLICT,
                        ProjectIsArchived.class,
                        ProjectNotArchived.class,
                        ProjectHasIncompleteTasks.class,
                        IncompleteTaskLimitReached.class,
                        ConcurrentChange.class)
                .complete();
    }
}
