package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The project repository as a map, with optimistic locking like the real one: a stale save fails. */
final class InMemoryProjects implements Projects {

    final Map<ProjectId, Project> stored = new LinkedHashMap<>();
    /** Saves to refuse as stale before accepting one, to play a concurrent writer. */
    int staleSavesToSimulate;

    @Override
    public Write adding(Project project) {
        return () -> Mono.fromRunnable(() -> stored.put(project.id(), copy(project, 0)));
    }

    @Override
    public Writes addingEach(List<Project> projects) {
        return new Writes() {
            @Override
            public int size() {
                return projects.size();
            }

            @Override
            public Write get(int index) {
                return adding(projects.get(index));
            }
        };
    }

    @Override
    public Mono<Project> ownedBy(UserId owner, ProjectId id) {
        return Mono.justOrEmpty(stored.get(id))
                .filter(project -> project.owner().equals(owner))
                .map(project -> copy(project, project.version()));
    }

    @Override
    public Mono<Void> save(Project project) {
        return Mono.defer(() -> {
            if (staleSavesToSimulate > 0) {
                staleSavesToSimulate--;
                return Mono.error(new StaleProject());
            }
            if (stored.get(project.id()).version() != project.version()) {
                return Mono.error(new StaleProject());
            }
            stored.put(project.id(), copy(project, project.version() + 1));
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> delete(Project project) {
        return Mono.fromRunnable(() -> stored.remove(project.id()));
    }

    private static Project copy(Project project, long version) {
        return Project.restore(
                project.id(),
                project.owner(),
                project.name(),
                project.isArchived(),
                project.incompleteTaskLimit(),
                project.tasks().stream()
                        .map(t -> Task.restore(
                                t.number(), t.name(), t.completedAt().orElse(null)))
                        .toList(),
                project.lastTaskNumber().orElse(null),
                version);
    }
}
