package dev.tasksandbox.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HungUpConnectionsTest {

    private final Logger serverTransport = (Logger) LoggerFactory.getLogger("reactor.netty.transport.ServerTransport");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        HungUpConnections.install();
        HungUpConnections.install(); // a second start of an application in the same JVM adds nothing
        logged.start();
        serverTransport.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        serverTransport.detachAppender(logged);
    }

    @Test
    void a_reset_after_the_answer_is_no_error_line_but_any_other_uncaught_exception_is() {
        serverTransport.error(
                "onUncaughtException(...)", new IOException("recvAddress(..) failed: Connection reset by peer"));
        serverTransport.error("onUncaughtException(...)", new IllegalStateException("a real bug"));

        assertThat(logged.list)
                .extracting(event -> event.getThrowableProxy().getMessage())
                .containsExactly("a real bug");
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList())
                .filteredOn(filter -> filter instanceof HungUpConnections)
                .hasSize(1);
    }
}
