package dev.tasksandbox.projects.domain;

public record TaskName(String value) {

    public TaskName {
        value = Names.checked("name", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
