package dev.tasksandbox.accounts.application;

import dev.tasksandbox.kernel.UserId;
import reactor.core.publisher.Mono;

/** Query port: reads a profile straight from storage, without loading the aggregate. */
public interface Profiles {

    Mono<Profile> of(UserId user);
}
