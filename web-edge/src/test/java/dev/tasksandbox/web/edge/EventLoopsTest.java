package dev.tasksandbox.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EventLoopsTest {

    private final MockEnvironment environment = new MockEnvironment();
    private String before = "";

    @BeforeEach
    void rememberTheJvmsSetting() {
        before = System.getProperty(EventLoops.EVENT_LOOPS, "");
    }

    @AfterEach
    void restoreIt() {
        if (before.isEmpty()) {
            System.clearProperty(EventLoops.EVENT_LOOPS);
        } else {
            System.setProperty(EventLoops.EVENT_LOOPS, before);
        }
    }

    @Test
    void there_are_as_many_event_loops_as_processors_the_jvm_may_use_by_default() {
        new EventLoops().postProcessEnvironment(environment, new SpringApplication());

        assertThat(System.getProperty(EventLoops.EVENT_LOOPS))
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void an_operator_chooses_another_number() {
        environment.setProperty("reactor.netty.ioWorkerCount", "6");

        new EventLoops().postProcessEnvironment(environment, new SpringApplication());

        assertThat(System.getProperty(EventLoops.EVENT_LOOPS)).isEqualTo("6");
    }
}
