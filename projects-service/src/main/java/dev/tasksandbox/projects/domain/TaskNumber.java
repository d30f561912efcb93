package dev.tasksandbox.projects.domain;

import dev.tasksandbox.kernel.InvalidValueException;

/** Tasks are numbered 1, 2, 3 … within their project; a number is never given twice. */
public record TaskNumber(int value) {

    public static final TaskNumber FIRST = new TaskNumber(1);

    public TaskNumber {
        if (value < 1) {
            throw new InvalidValueException("number", "must be at least 1");
        }
    }

    public TaskNumber next() {
        return new TaskNumber(value + 1);
    }

    @Override
    public String toString() {
        return "#" + value;
    }
}
