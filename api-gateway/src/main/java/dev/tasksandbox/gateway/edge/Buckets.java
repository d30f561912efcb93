package dev.tasksandbox.gateway.edge;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Token buckets by key (a client address, a username), each allowing so many requests per period. */
public interface Buckets {

    /** Takes a permit from {@code key}'s bucket: zero when the request may go ahead, else how long to wait. */
    Mono<Duration> take(String key);
}
