package dev.tasksandbox.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.accounts.AccountsServiceIT;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class RegistrationIT extends AccountsServiceIT {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient database;

    @Test
    void registering_answers_201_with_the_new_id_and_the_profile_as_location() {
        String email = uniqueEmail();

        Map<?, ?> body = register(Map.of("email", "  " + email + " ", "password", "correct horse"))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/users/me")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(storedEmailOf(body.get("id").toString())).isEqualTo(email);
    }

    @Test
    void an_address_taken_in_another_case_is_a_409_problem() {
        String email = uniqueEmail();
        register(Map.of("email", email, "password", "correct horse"))
                .expectStatus()
                .isCreated();

        register(Map.of("email", email.toUpperCase(Locale.ROOT), "password", "another password"))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Email " + email.toUpperCase(Locale.ROOT) + " is already taken");
        assertThat(usersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void every_invalid_field_is_named_in_a_422_problem_and_nothing_is_stored() {
        String tooLong = "x".repeat(73);

        register(Map.of("email", "not-an-address", "password", tooLong))
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("email")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be a valid email address")
                .jsonPath("$.errors[1].field")
                .isEqualTo("password")
                .jsonPath("$.errors[1].message")
                .isEqualTo("must be at most 72 bytes in UTF-8");
        assertThat(usersWithEmail("not-an-address")).isZero();
    }

    @Test
    void missing_fields_are_a_422_problem() {
        register(Map.of())
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
    }

    @Test
    void malformed_json_is_a_422_problem_not_a_500() {
        http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": ")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isNotEmpty();
    }

    @Test
    void a_json_array_instead_of_an_object_is_a_422_problem() {
        http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[1, 2]")
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    @Test
    void a_form_instead_of_json_is_a_415_problem() {
        http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("email=a%40example.com&password=correct+horse")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec register(Map<String, String> body) {
        return http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private String storedEmailOf(String id) {
        return database.sql("SELECT email FROM users WHERE id = :id")
                .bind("id", java.util.UUID.fromString(id))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private long usersWithEmail(String email) {
        return database.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:email)")
                .bind("email", email)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
