package dev.tasksandbox.gateway.profile;

import dev.tasksandbox.gateway.edge.RequestIdentity;
import dev.tasksandbox.gateway.profile.ComposedProfile.Profile;
import dev.tasksandbox.gateway.profile.ComposedProfile.ProjectSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Composes {@code GET /api/users/me}: asks accounts-service for the profile and projects-service for the
 * caller's projects at the same time, each with the caller's own token, so neither can answer with another
 * user's data.
 *
 * <ul>
 *   <li>accounts-service decides who the caller is: whatever it answers other than 200 (401 for a bad token)
 *       is passed on as it is, and the projects are not shown.</li>
 *   <li>When projects-service is down, slow or refuses, the answer is still 200 with the profile, without
 *       {@code projects}, and a {@code Warning: 199} header saying so: the profile is the main content, and
 *       a client can show it and retry for the projects later.</li>
 * </ul>
 */
public final class ProfileComposition {

    static final String PARTIAL_WARNING = "199 api-gateway \"projects are unavailable; the profile is partial\"";
    private static final Logger log = LoggerFactory.getLogger(ProfileComposition.class);
    private static final int PAGE_SIZE = 500; // the largest page projects-service serves
    private static final List<String> FORWARDED = List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.ACCEPT_LANGUAGE,
            // not traceparent: the client spans of the WebClient carry their own, children of the server span
            RequestIdentity.REQUEST_ID);
    /** From accounts' answer: what a client needs to act on an error, and what keeps personal data uncached. */
    private static final List<String> PASSED_BACK = List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.WWW_AUTHENTICATE,
            HttpHeaders.RETRY_AFTER,
            HttpHeaders.CACHE_CONTROL,
            HttpHeaders.PRAGMA,
            HttpHeaders.EXPIRES,
            "X-Content-Type-Options",
            "X-Frame-Options");

    private final WebClient accounts;
    private final WebClient projects;
    private final Duration accountsTimeout;
    private final Duration projectsTimeout;
    private final JsonMapper json;

    /**
     * Takes a client for each service whose base URL is that service, with how long each may take: the answer
     * waits for accounts' profile up to {@code accountsTimeout}, for the projects up to {@code projectsTimeout}.
     */
    public ProfileComposition(
            WebClient accounts,
            WebClient projects,
            Duration accountsTimeout,
            Duration projectsTimeout,
            JsonMapper json) {
        this.accounts = accounts;
        this.projects = projects;
        this.accountsTimeout = accountsTimeout;
        this.projectsTimeout = projectsTimeout;
        this.json = json;
    }

    public Mono<ServerResponse> profile(ServerRequest request) {
        HttpHeaders caller = forwarded(request.headers().asHttpHeaders());
        Mono<ResponseEntity<byte[]>> profile = accounts.get()
                .uri("/api/users/me")
                .headers(headers -> headers.addAll(caller))
                .exchangeToMono(answer -> answer.toEntity(byte[].class))
                .timeout(accountsTimeout); // a 504, like a routed request that takes too long
        Mono<Optional<List<ProjectSummary>>> activeProjects = activeProjects(caller)
                .collectList()
                .timeout(projectsTimeout)
                .map(Optional::of)
                .onErrorResume(error -> !(error instanceof WebClientResponseException.Unauthorized), error -> {
                    // Reported below only if the caller is who they claim: a bad token fails here as well.
                    log.debug("projects-service failed: {}", error.toString());
                    return Mono.just(Optional.empty());
                });
        return Mono.zip(profile, activeProjects)
                .flatMap(both -> answer(both.getT1(), both.getT2()))
                // projects-service refusing the token (a log-out-everywhere reached it) is the caller's answer,
                // not a partial profile: the client must learn that its token no longer works.
                .onErrorResume(WebClientResponseException.Unauthorized.class, refused -> passOn(refused));
    }

    private Mono<ServerResponse> answer(ResponseEntity<byte[]> profile, Optional<List<ProjectSummary>> projects) {
        if (profile.getStatusCode().value() != HttpStatus.OK.value()) {
            return passOn(profile);
        }
        ComposedProfile composed = ComposedProfile.of(json.readValue(profile.getBody(), Profile.class), projects);
        ServerResponse.BodyBuilder ok = withHeadersOf(profile, ServerResponse.ok());
        if (projects.isEmpty()) {
            log.warn("Profile answered without projects: projects-service is unavailable");
            ok.header(HttpHeaders.WARNING, PARTIAL_WARNING);
        }
        return ok.contentType(MediaType.APPLICATION_JSON).bodyValue(composed);
    }

    private static Mono<ServerResponse> passOn(WebClientResponseException refused) {
        return passOn(ResponseEntity.status(refused.getStatusCode())
                .headers(refused.getHeaders())
                .body(refused.getResponseBodyAsByteArray()));
    }

    private static Mono<ServerResponse> passOn(ResponseEntity<byte[]> upstream) {
        ServerResponse.BodyBuilder response = withHeadersOf(upstream, ServerResponse.status(upstream.getStatusCode()));
        return upstream.getBody() == null ? response.build() : response.bodyValue(upstream.getBody());
    }

    private static ServerResponse.BodyBuilder withHeadersOf(
            ResponseEntity<byte[]> upstream, ServerResponse.BodyBuilder response) {
        PASSED_BACK.forEach(name -> {
            List<String> values = upstream.getHeaders().get(name);
            if (values != null) {
                response.header(name, values.toArray(String[]::new));
            }
        });
        return response;
    }

    /** Every page of the caller's projects, keeping the active ones. */
    private Flux<ProjectSummary> activeProjects(HttpHeaders caller) {
        return page(caller, null)
                .expand(page -> page.nextAfter() == null ? Mono.empty() : page(caller, page.nextAfter()))
                .flatMapIterable(ProjectPage::projects)
                .filter(project -> !project.archived())
                .map(project -> new ProjectSummary(project.id(), project.name()));
    }

    private Mono<ProjectPage> page(HttpHeaders caller, @Nullable String after) {
        return projects.get()
                .uri(uri -> uri.path("/api/projects")
                        .queryParam("limit", PAGE_SIZE)
                        .queryParamIfPresent("after", Optional.ofNullable(after))
                        .build())
                .headers(headers -> headers.addAll(caller))
                .retrieve()
                .bodyToMono(ProjectPage.class);
    }

    private static HttpHeaders forwarded(HttpHeaders incoming) {
        HttpHeaders headers = new HttpHeaders();
        FORWARDED.forEach(name -> {
            List<String> values = incoming.get(name);
            if (values != null) {
                headers.put(name, values);
            }
        });
        return headers;
    }

    /** projects-service's list page, as far as the profile needs it. */
    record ProjectPage(List<Project> projects, @Nullable String nextAfter) {

        record Project(String id, String name, boolean archived) {}
    }
}
