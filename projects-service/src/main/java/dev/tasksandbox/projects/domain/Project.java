package dev.tasksandbox.projects.domain;

import dev.tasksandbox.kernel.AggregateRoot;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A project of one user, and the only way to change its tasks. Guards the rules that span tasks: numbering,
 * the limit on incomplete tasks, and that an archived project does not change.
 */
public final class Project extends AggregateRoot<ProjectId> {

    private final ProjectId id;
    private final UserId owner;
    private ProjectName name;
    private boolean archived;
    private IncompleteTaskLimit limit;
    private final List<Task> tasks;
    private @Nullable TaskNumber lastTaskNumber;
    private final long version;

    private Project(
            ProjectId id,
            UserId owner,
            ProjectName name,
            boolean archived,
            IncompleteTaskLimit limit,
            List<Task> tasks,
            @Nullable TaskNumber lastTaskNumber,
            long version) {
        this.id = Objects.requireNonNull(id);
        this.owner = Objects.requireNonNull(owner);
        this.name = Objects.requireNonNull(name);
        this.archived = archived;
        this.limit = Objects.requireNonNull(limit);
        this.tasks = new ArrayList<>(tasks);
        this.lastTaskNumber = lastTaskNumber;
        this.version = version;
    }

    public static Project create(ProjectId id, UserId owner, ProjectName name) {
        return new Project(id, owner, name, false, IncompleteTaskLimit.NONE, List.of(), null, 0);
    }

    /** Rebuilds a stored project; {@code version} is the one read, for optimistic locking. */
    public static Project restore(
            ProjectId id,
            UserId owner,
            ProjectName name,
            boolean archived,
            IncompleteTaskLimit limit,
            List<Task> tasks,
            @Nullable TaskNumber lastTaskNumber,
            long version) {
        return new Project(id, owner, name, archived, limit, tasks, lastTaskNumber, version);
    }

    /**
     * Renames the project and sets its limit on incomplete tasks. A limit below the current number of incomplete
     * tasks is accepted: nothing is undone, but no task can be added or reopened until enough are completed.
     */
    public void update(ProjectName newName, IncompleteTaskLimit newLimit) {
        refuseChangesWhenArchived();
        name = Objects.requireNonNull(newName);
        limit = Objects.requireNonNull(newLimit);
    }

    public TaskNumber addTask(TaskName taskName) {
        refuseChangesWhenArchived();
        refuseAnotherIncompleteTask();
        TaskNumber number = lastTaskNumber == null ? TaskNumber.FIRST : lastTaskNumber.next();
        tasks.add(new Task(number, taskName, null));
        lastTaskNumber = number;
        return number;
    }

    /** Completing a completed task keeps its first completion time. */
    public void completeTask(TaskNumber number, Instant at) {
        refuseChangesWhenArchived();
        existing(number).complete(at);
    }

    /** Reopening an incomplete task changes nothing; reopening a completed one counts against the limit. */
    public void incompleteTask(TaskNumber number) {
        refuseChangesWhenArchived();
        Task task = existing(number);
        if (task.isComplete()) {
            refuseAnotherIncompleteTask();
            task.incomplete();
        }
    }

    /** Only a project whose tasks are all complete can be archived; a project without tasks can. */
    public void archive() {
        refuseChangesWhenArchived();
        long incomplete = incompleteTasks();
        if (incomplete > 0) {
            throw new ProjectHasIncompleteTasks(incomplete);
        }
        archived = true;
    }

    public void unarchive() {
        if (!archived) {
            throw new ProjectNotArchived(id);
        }
        archived = false;
    }

    /** Deleting is final, so only an archived project, already set aside, may be deleted. */
    public void checkDeletable() {
        if (!archived) {
            throw new ProjectNotArchived(id);
        }
    }

    public Optional<Task> task(TaskNumber number) {
        return tasks.stream().filter(task -> task.number().equals(number)).findFirst();
    }

    private Task existing(TaskNumber number) {
        return task(number).orElseThrow(() -> new TaskNotFound(number));
    }

    private long incompleteTasks() {
        return tasks.stream().filter(task -> !task.isComplete()).count();
    }

    private void refuseChangesWhenArchived() {
        if (archived) {
            throw new ProjectIsArchived(id);
        }
    }

    private void refuseAnotherIncompleteTask() {
        if (!limit.allows(incompleteTasks() + 1)) {
            throw new IncompleteTaskLimitReached(limit);
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

    public IncompleteTaskLimit incompleteTaskLimit() {
        return limit;
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
