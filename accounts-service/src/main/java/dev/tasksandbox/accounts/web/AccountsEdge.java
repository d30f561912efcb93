package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.domain.AccountsError;
import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.InvalidCredentials;
import dev.tasksandbox.accounts.domain.RefreshTokenRejected;
import dev.tasksandbox.accounts.domain.UserNotFound;
import dev.tasksandbox.web.DomainErrors;
import dev.tasksandbox.web.OpenRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** What accounts tells the edge chassis (web-support): which requests are open, and each domain error's status. */
@Configuration(proxyBeanMethods = false)
class AccountsEdge {

    /** Registering, logging in or out and fetching the keys are what a caller without a token comes to do. */
    @Bean
    OpenRequests openRequests() {
        return OpenRequests.of(HttpMethod.POST, "/api/users", "/api/users/login", "/api/users/logout")
                .and(HttpMethod.GET, "/.well-known/jwks.json");
    }

    /**
     * A token for a user that no longer exists proves nothing: 401, like a bad token. The token endpoint answers
     * its own refusals in OAuth 2's words ({@link LoginController}), with the same statuses.
     */
    @Bean
    DomainErrors accountsErrors() {
        return DomainErrors.of(AccountsError.class)
                .map(HttpStatus.CONFLICT, EmailAlreadyTaken.class)
                .map(HttpStatus.UNAUTHORIZED, InvalidCredentials.class, RefreshTokenRejected.class, UserNotFound.class)
                .complete();
    }
}
