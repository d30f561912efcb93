package dev.tasksandbox.web.edge;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import reactor.netty.ReactorNetty;

/**
 * One Netty event loop per processor the JVM may use, for the HTTP server, its clients and the database driver,
 * unless {@value #EVENT_LOOPS} says otherwise (a system property, an environment variable
 * {@code REACTOR_NETTY_IOWORKERCOUNT} or application.yml).
 *
 * <p>Reactor Netty starts at least four loops per group, and a service here runs two groups (HTTP and R2DBC): on a
 * two-core machine that is eight threads taking turns on two cores, each answer waking one thread after another.
 * Nothing here blocks a loop (hashing and signing run on workers), so more loops than cores only add wake-ups and
 * context switches: measured on two cores, one loop per core cut a read's CPU by a tenth to a sixth in
 * projects-service and in the gateway (README, <em>Figures</em>).
 *
 * <p>Reactor Netty reads the setting once, from a system property, when its loops are first made: this runs while
 * the environment is prepared, before any server or client exists.
 */
public final class EventLoops implements EnvironmentPostProcessor {

    /** Reactor Netty's own name for it; a compile-time constant, so naming it loads none of Netty's classes. */
    static final String EVENT_LOOPS = ReactorNetty.IO_WORKER_COUNT;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        int loops = environment.getProperty(
                EVENT_LOOPS, Integer.class, Runtime.getRuntime().availableProcessors());
        System.setProperty(EVENT_LOOPS, Integer.toString(loops));
    }
}
