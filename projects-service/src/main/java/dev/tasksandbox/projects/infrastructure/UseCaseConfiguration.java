package dev.tasksandbox.projects.infrastructure;

import dev.tasksandbox.projects.application.CreateExampleProject;
import dev.tasksandbox.projects.application.ProcessedEvents;
import dev.tasksandbox.projects.application.Projects;
import dev.tasksandbox.projects.application.Transactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    CreateExampleProject createExampleProject(Projects projects, ProcessedEvents processedEvents,
                                              Transactions transactions) {
        return new CreateExampleProject(projects, processedEvents, transactions);
    }
}
