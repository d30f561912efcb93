package dev.tasksandbox.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running stack for all system tests of this JVM. JUnit closes it after the last test, before the JVM's
 * shutdown hooks stop PostgreSQL and Kafka, so the services always stop first.
 */
final class SharedStack implements BeforeAllCallback {

    private static Stack stack;

    static synchronized Stack get() {
        if (stack == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(SharedStack.class)");
        }
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (SharedStack.class) {
            if (stack == null) {
                stack = new Stack().start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedStack.class, stack);
            }
        }
    }
}
