package dev.tasksandbox.projects.domain;

public record ProjectName(String value) {

    public ProjectName {
        value = Names.checked("name", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
