package dev.tasksandbox.accounts.infrastructure.persistence;

import dev.tasksandbox.accounts.application.Transactions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Component
class R2dbcTransactions implements Transactions {

    private final TransactionalOperator transaction;

    R2dbcTransactions(TransactionalOperator transaction) {
        this.transaction = transaction;
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return work.as(transaction::transactional);
    }
}
