package dev.tasksandbox.projects.infrastructure;

import dev.tasksandbox.projects.application.AddTask;
import dev.tasksandbox.projects.application.ArchiveProject;
import dev.tasksandbox.projects.application.CompleteTask;
import dev.tasksandbox.projects.application.ConcurrencyPolicy;
import dev.tasksandbox.projects.application.CreateExampleProject;
import dev.tasksandbox.projects.application.CreateProject;
import dev.tasksandbox.projects.application.DeleteProject;
import dev.tasksandbox.projects.application.Inbox;
import dev.tasksandbox.projects.application.IncompleteTask;
import dev.tasksandbox.projects.application.ProjectChanges;
import dev.tasksandbox.projects.application.Projects;
import dev.tasksandbox.projects.application.RevokeSessions;
import dev.tasksandbox.projects.application.SessionRevocations;
import dev.tasksandbox.projects.application.UnarchiveProject;
import dev.tasksandbox.projects.application.UpdateProject;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    CreateExampleProject createExampleProject(Projects projects, Inbox inbox) {
        return new CreateExampleProject(projects, inbox);
    }

    @Bean
    RevokeSessions revokeSessions(SessionRevocations revocations, Inbox inbox) {
        return new RevokeSessions(revocations, inbox);
    }

    @Bean
    ProjectChanges projectChanges(
            Projects projects,
            @Value("${projects.concurrency.max-retries}") int maxRetries,
            @Value("${projects.concurrency.first-backoff}") Duration firstBackoff,
            @Value("${projects.concurrency.max-backoff}") Duration maxBackoff) {
        return new ProjectChanges(projects, new ConcurrencyPolicy(maxRetries, firstBackoff, maxBackoff));
    }

    @Bean
    CreateProject createProject(Projects projects) {
        return new CreateProject(projects);
    }

    @Bean
    UpdateProject updateProject(ProjectChanges changes) {
        return new UpdateProject(changes);
    }

    @Bean
    ArchiveProject archiveProject(ProjectChanges changes) {
        return new ArchiveProject(changes);
    }

    @Bean
    UnarchiveProject unarchiveProject(ProjectChanges changes) {
        return new UnarchiveProject(changes);
    }

    @Bean
    DeleteProject deleteProject(ProjectChanges changes) {
        return new DeleteProject(changes);
    }

    @Bean
    AddTask addTask(ProjectChanges changes) {
        return new AddTask(changes);
    }

    @Bean
    CompleteTask completeTask(ProjectChanges changes, Clock clock) {
        return new CompleteTask(changes, clock);
    }

    @Bean
    IncompleteTask incompleteTask(ProjectChanges changes) {
        return new IncompleteTask(changes);
    }
}
