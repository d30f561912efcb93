package dev.tasksandbox.accounts.infrastructure.persistence;

import dev.tasksandbox.accounts.application.Profile;
import dev.tasksandbox.accounts.application.Profiles;
import dev.tasksandbox.kernel.UserId;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class R2dbcProfiles implements Profiles {

    private final DatabaseClient database;

    R2dbcProfiles(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Profile> of(UserId user) {
        return database.sql("SELECT id, email FROM users WHERE id = :id")
                .bind("id", user.value())
                .map(row -> new Profile(row.get("id", UUID.class), row.get("email", String.class)))
                .one();
    }
}
