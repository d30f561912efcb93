package dev.tasksandbox.accounts.infrastructure;

import dev.tasksandbox.accounts.application.PasswordHasher;
import dev.tasksandbox.accounts.application.RegisterUser;
import dev.tasksandbox.accounts.application.Users;
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
}
