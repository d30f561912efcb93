package dev.tasksandbox.projects.domain;

import dev.tasksandbox.kernel.AggregateRoot;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project of one user, and the only way to change its tasks. Guards the rules that span tasks: numbering,
 * the limit on incomplete tasks, and that an archived project does not change.
 */
public final class Project extends AggregateRoot<ProjectId> {

    private final ProjectId id;
    private final UserId owner;
    private final ProjectName name;
    private final boolean archived;
    private final Integer maxIncompleteTasks;
    private final List<Task> tasks;
    private TaskNumber lastTaskNumber;
    private final long version;

    private Project(ProjectId id, UserId owner, ProjectName name, boolean archived, Integer maxIncompleteTasks,
                    List<Task> tasks, TaskNumber lastTaskNumber, long version) {
        this.id = Objects.requireNonNull(id);
        this.owner = Objects.requireNonNull(owner);
        this.name = Objects.requireNonNull(name);
        this.archived = archived;
        this.maxIncompleteTasks = maxIncompleteTasks;
        this.tasks = new ArrayList<>(tasks);
        this.lastTaskNumber = lastTaskNumber;
        this.version = version;
    }

    public static Project create(ProjectId id, UserId owner, ProjectName name) {
        return new Project(id, owner, name, false, null, List.of(), null, 0);
    }

    /** Rebuilds a stored project; {@code version} is the one read, for optimistic locking. */
    public static Project restore(ProjectId id, UserId owner, ProjectName name, boolean archived,
                                  Integer maxIncompleteTasks, List<Task> tasks, TaskNumber lastTaskNumber, long version) {
        return new Project(id, owner, name, archived, maxIncompleteTasks, tasks, lastTaskNumber, version);
    }

    public TaskNumber addTask(TaskName taskName) {
        refuseChangesWhenArchived();
        refuseBeyondIncompleteLimit();
        TaskNumber number = lastTaskNumber == null ? TaskNumber.FIRST : lastTaskNumber.next();
        tasks.add(new Task(number, taskName, null));
        lastTaskNumber = number;
        return number;
    }

    public void completeTask(TaskNumber number, Instant at) {
        refuseChangesWhenArchived();
        task(number).orElseThrow(() -> new TaskNotFound(number)).complete(at);
    }

    public Optional<Task> task(TaskNumber number) {
        return tasks.stream().filter(task -> task.number().equals(number)).findFirst();
    }

    private void refuseChangesWhenArchived() {
        if (archived) {
            throw new ProjectIsArchived(id);
        }
    }

    private void refuseBeyondIncompleteLimit() {
        if (maxIncompleteTasks != null
                && tasks.stream().filter(task -> !task.isComplete()).count() >= maxIncompleteTasks) {
            throw new IncompleteTaskLimitReached(maxIncompleteTasks);
        }
    }

    @Override
    public ProjectId id() {
        return id;
    }

    public UserId owner() {
        return owner;
    }

    public ProjectName name() {
        return name;
    }

    public boolean isArchived() {
        return archived;
    }

    public Optional<Integer> maxIncompleteTasks() {
        return Optional.ofNullable(maxIncompleteTasks);
    }

    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    public Optional<TaskNumber> lastTaskNumber() {
        return Optional.ofNullable(lastTaskNumber);
    }

    public long version() {
        return version;
    }
}
