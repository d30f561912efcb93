package dev.tasksandbox.projects.domain;

public final class TaskNotFound extends ProjectsError {

    public TaskNotFound(TaskNumber number) {
        super("Task " + number + " not found");
    }
}
