package dev.tasksandbox.web.edge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Reactor Netty's server logs an exception that reaches a connection after its request has ended (a client's
 * reset arriving just as the answer completes) as an uncaught ERROR with its stack. A client that hung up is not
 * an error: that one event is logged at debug instead; every other uncaught exception stays an ERROR. A Logback
 * turbo filter, added once to the logging context (Spring Boot's logging system resets the context when it
 * starts, so it is added again after each reset).
 */
final class HungUpConnections extends TurboFilter {

    private static final String NAME = HungUpConnections.class.getName();
    private static final String SERVER_TRANSPORT = "reactor.netty.transport.ServerTransport";
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(HungUpConnections.class);

    private HungUpConnections() {
        setName(NAME);
    }

    /** Adds the filter to Logback's context unless it is there already; does nothing without Logback. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(filter -> NAME.equals(filter.getName()))) {
            HungUpConnections filter = new HungUpConnections();
            filter.start();
            logback.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(
            @Nullable Marker marker,
            Logger logger,
            Level level,
            @Nullable String format,
            Object @Nullable [] params,
            @Nullable Throwable failure) {
        if (level == Level.ERROR
                && failure != null
                && SERVER_TRANSPORT.equals(logger.getName())
                && DisconnectedClientHelper.isClientDisconnectedException(failure)) {
            log.debug("A client went away after its answer: {}", failure.toString());
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
