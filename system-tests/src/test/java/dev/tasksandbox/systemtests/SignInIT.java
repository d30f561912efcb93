package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A token issued by accounts-service opens projects-service, which checks it against the published keys. */
@ExtendWith(SharedStack.class)
class SignInIT {

    private static Stack stack;
    private final AccountsClient accounts = new AccountsClient();

    @BeforeAll
    static void useStack() {
        stack = SharedStack.get();
    }

    @Test
    void a_token_from_accounts_is_accepted_by_projects_and_no_token_is_not() throws Exception {
        String email = "signin-" + UUID.randomUUID() + "@example.com";
        accounts.register(stack.accountsUrl(), email).orElseThrow();
        String token = accounts.accessToken(stack.accountsUrl(), email);

        assertThat(accounts.get(stack.accountsUrl() + "/api/users/me", token)).isEqualTo(200);
        assertThat(accounts.get(stack.projectsUrl() + "/api/projects", null)).isEqualTo(401);
        assertThat(accounts.get(stack.projectsUrl() + "/api/projects", token)).isNotIn(401, 403, 500, 503);
    }
}
