package dev.tasksandbox.web.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Hooks;

/**
 * Reactor's handling of an error that arrives after its subscriber has gone. When a client resets its connection,
 * Reactor Netty may signal the reset to a request body whose reader has already finished, and Reactor's default
 * logs that "dropped" error at ERROR with its stack. A client that hung up is not an error: such drops are logged
 * at debug; any other dropped error stays an error. The hook is global, so it is removed with the application.
 */
final class DroppedErrors implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

    private DroppedErrors() {}

    static DroppedErrors install() {
        Hooks.onErrorDropped(error -> {
            if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
                log.debug("A client went away: {}", error.toString());
            } else {
                log.error("An error arrived after its subscriber had gone", error);
            }
        });
        return new DroppedErrors();
    }

    @Override
    public void destroy() {
        Hooks.resetOnErrorDropped();
    }
}
