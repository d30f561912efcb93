package dev.tasksandbox.web.edge;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Hooks;

/**
 * Reactor's handling of an error that arrives after its subscriber has gone. When a client resets its connection,
 * Reactor Netty may signal the reset to a request body whose reader has already finished, and Reactor's default
 * logs that "dropped" error at ERROR with its stack. A client that hung up is not an error: such drops are logged
 * at debug; any other dropped error stays an error. Here only the error itself is known, no exchange, so a
 * disconnect is told by the error's kind and message ({@link DisconnectedClientHelper}). Reactor's hooks are
 * global and add up: this one is installed once per JVM, however many applications run in it (a test suite's),
 * and never removed, since removing it would remove every other application's hook as well.
 */
final class DroppedErrors {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private DroppedErrors() {}

    static DroppedErrors install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Hooks.onErrorDropped(error -> {
                if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
                    log.debug("A client went away: {}", error.toString());
                } else {
                    log.error("An error arrived after its subscriber had gone", error);
                }
            });
        }
        return new DroppedErrors();
    }
}
