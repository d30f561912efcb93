package dev.tasksandbox.accounts.infrastructure;

import dev.tasksandbox.accounts.application.AccessTokenIssuer;
import dev.tasksandbox.accounts.application.ChangeEmail;
import dev.tasksandbox.accounts.application.LogIn;
import dev.tasksandbox.accounts.application.LogOut;
import dev.tasksandbox.accounts.application.LogOutEverywhere;
import dev.tasksandbox.accounts.application.PasswordHasher;
import dev.tasksandbox.accounts.application.RefreshLogin;
import dev.tasksandbox.accounts.application.RefreshTokens;
import dev.tasksandbox.accounts.application.RegisterUser;
import dev.tasksandbox.accounts.application.Sessions;
import dev.tasksandbox.accounts.application.Transactions;
import dev.tasksandbox.accounts.application.Users;
import dev.tasksandbox.accounts.infrastructure.tokens.TokenProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RegisterUser registerUser(Users users, PasswordHasher hasher, Clock clock) {
        return new RegisterUser(users, hasher, clock);
    }

    @Bean
    Sessions sessions(
            AccessTokenIssuer accessTokens, RefreshTokens refreshTokens, Clock clock, TokenProperties tokens) {
        return new Sessions(
                accessTokens, refreshTokens, clock, tokens.refreshTokenLifetime(), tokens.refreshFamilyLifetime());
    }

    @Bean
    LogIn logIn(Users users, PasswordHasher hasher, Sessions sessions) {
        return new LogIn(users, hasher, sessions);
    }

    @Bean
    RefreshLogin refreshLogin(RefreshTokens refreshTokens, Sessions sessions, Transactions transactions, Clock clock) {
        return new RefreshLogin(refreshTokens, sessions, transactions, clock);
    }

    @Bean
    LogOut logOut(RefreshTokens refreshTokens, Transactions transactions, Clock clock) {
        return new LogOut(refreshTokens, transactions, clock);
    }

    @Bean
    LogOutEverywhere logOutEverywhere(
            Users users, RefreshTokens refreshTokens, Transactions transactions, Clock clock) {
        return new LogOutEverywhere(users, refreshTokens, transactions, clock);
    }

    @Bean
    ChangeEmail changeEmail(Users users, Transactions transactions) {
        return new ChangeEmail(users, transactions);
    }
}
