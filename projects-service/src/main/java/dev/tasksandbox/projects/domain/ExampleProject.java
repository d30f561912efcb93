package dev.tasksandbox.projects.domain;

import dev.tasksandbox.kernel.UserId;
import java.time.Instant;

/** The project every new user finds waiting: it shows how projects and tasks work. */
public final class ExampleProject {

    public static final ProjectName NAME = new ProjectName("My first project");

    private ExampleProject() {}

    /** The example project of a user who signed up at {@code signedUpAt}; signing up is its first, done task. */
    public static Project forNewUser(ProjectId id, UserId owner, Instant signedUpAt) {
        Project project = Project.create(id, owner, NAME);
        TaskNumber signUp = project.addTask(new TaskName("Sign up!"));
        project.addTask(new TaskName("Watch the tutorial"));
        project.addTask(new TaskName("Start using our awesome app"));
        project.completeTask(signUp, signedUpAt);
        return project;
    }
}
