package dev.tasksandbox.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the demo data of SPEC.md section 4 through the public API, as a client would: the user
 * {@code test@email.com} / {@code password}, three projects, and a project that is archived and then deleted;
 * projects-service adds the example project from the registration event. Seeding again changes nothing but
 * what an interrupted seed left out: the demo user's missing projects are created, existing ones are kept.
 */
public final class DemoData {

    public static final String EMAIL = "test@email.com";
    public static final String PASSWORD = "password";
    static final List<String> PROJECTS = List.of("Software Engineering", "Learn Domain Driven Design", "Household");
    static final String DELETED_PROJECT = "Clean the house";

    private static final Duration EXAMPLE_PROJECT_WAIT = Duration.ofSeconds(30);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String gateway;
    private final PrintStream out;

    public DemoData(String gatewayUrl, PrintStream out) {
        this.gateway = gatewayUrl;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        new DemoData(args.length > 0 ? args[0] : "http://localhost:8080", System.out).seed();
    }

    public void seed() throws IOException, InterruptedException {
        HttpResponse<String> registered = send(
                json("/api/users", "POST", "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}"),
                201,
                409);
        String token = logIn();
        String existing = send(
                        authorized("/api/projects?limit=500", token).GET().build(), 200)
                .body();
        for (String name : PROJECTS) {
            if (!existing.contains("\"" + name + "\"")) {
                createProject(token, name);
            }
        }
        if (registered.statusCode() == 201) {
            String doomed = createProject(token, DELETED_PROJECT);
            send(
                    authorized(doomed + "/archive", token)
                            .PUT(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    204);
            send(authorized(doomed, token).DELETE().build(), 204);
        }
        awaitExampleProject(token);
        out.printf(
                "seed | %s / %s with projects %s, \"%s\" archived and deleted, and the example project%s%n",
                EMAIL,
                PASSWORD,
                PROJECTS,
                DELETED_PROJECT,
                registered.statusCode() == 409 ? " (the user existed already: only missing projects added)" : "");
    }

    private String logIn() throws IOException, InterruptedException {
        HttpResponse<String> login = send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/users/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&username=" + EMAIL + "&password=" + PASSWORD))
                        .build(),
                200);
        Matcher token = ACCESS_TOKEN.matcher(login.body());
        if (!token.find()) {
            throw new IllegalStateException("Login answered without a token: " + login.body());
        }
        return token.group(1);
    }

    /** The new project's path, from the answer's {@code Location}. */
    private String createProject(String token, String name) throws IOException, InterruptedException {
        HttpResponse<String> created = send(
                authorized("/api/projects", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                        .build(),
                303);
        return created.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location for project " + name));
    }

    private void awaitExampleProject(String token) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(EXAMPLE_PROJECT_WAIT);
        while (!send(authorized("/api/projects", token).GET().build(), 200)
                .body()
                .contains("My first project")) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The example project did not appear within " + EXAMPLE_PROJECT_WAIT);
            }
            Thread.sleep(200);
        }
    }

    private HttpRequest.Builder authorized(String path, String token) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token);
    }

    private HttpRequest json(String path, String method, String body) {
        return HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request, int... expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                + response.statusCode() + ": " + response.body());
    }
}
