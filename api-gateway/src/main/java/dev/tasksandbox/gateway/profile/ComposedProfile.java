package dev.tasksandbox.gateway.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/users/me} as clients see it: the profile from accounts-service and the caller's active
 * projects from projects-service. {@code projects} is absent, never empty, when projects-service could not be
 * asked, so a client can tell "no projects" from "projects unknown right now".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ComposedProfile(String id, String email, @Nullable List<ProjectSummary> projects) {

    static ComposedProfile of(Profile profile, Optional<List<ProjectSummary>> projects) {
        return new ComposedProfile(profile.id(), profile.email(), projects.orElse(null));
    }

    /** accounts-service's part. */
    record Profile(String id, String email) {}

    record ProjectSummary(String id, String name) {}
}
