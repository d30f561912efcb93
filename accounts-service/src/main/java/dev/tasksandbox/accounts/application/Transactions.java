package dev.tasksandbox.accounts.application;

import reactor.core.publisher.Mono;

/** Runs work in one database transaction: all of it takes effect, or none. */
public interface Transactions {

    <T> Mono<T> inTransaction(Mono<T> work);
}
