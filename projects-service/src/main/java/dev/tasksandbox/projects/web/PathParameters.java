package dev.tasksandbox.projects.web;

import dev.tasksandbox.kernel.FieldValidation;
import dev.tasksandbox.kernel.InvalidValueException;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.TaskNumber;
import java.util.UUID;

/** Reads ids and numbers from paths and query strings; a malformed one is a 422 naming it. */
final class PathParameters {

    private PathParameters() {}

    static ProjectId projectId(String text) {
        return projectId("id", text);
    }

    static ProjectId projectId(String field, String text) {
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<ProjectId> id = validation.check(() -> {
            try {
                return new ProjectId(UUID.fromString(text));
            } catch (IllegalArgumentException | NullPointerException notAUuid) {
                throw new InvalidValueException(field, "must be a project id (a UUID)");
            }
        });
        return id.value();
    }

    static TaskNumber taskNumber(String text) {
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<TaskNumber> number = validation.check(() -> {
            try {
                return new TaskNumber(Integer.parseInt(text));
            } catch (NumberFormatException notANumber) {
                throw new InvalidValueException("number", "must be a whole number");
            }
        });
        return number.value();
    }
}
