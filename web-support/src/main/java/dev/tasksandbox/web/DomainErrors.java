package dev.tasksandbox.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A service's domain errors, each mapped to its one HTTP status, in one place. The errors are a sealed hierarchy,
 * and the mapping must cover every class in it: {@link Builder#complete()} refuses a mapping that leaves one out,
 * so a new kind of error fails the service's start (and so every test that starts it) instead of surfacing as a
 * 500 the first time a client meets it. A service declares it as a bean; the chassis' problem handler uses it.
 */
public final class DomainErrors {

    private final Map<Class<?>, HttpStatus> statuses;

    private DomainErrors(Map<Class<?>, HttpStatus> statuses) {
        this.statuses = Map.copyOf(statuses);
    }

    /** For a service with no domain errors of its own. */
    public static DomainErrors none() {
        return new DomainErrors(Map.of());
    }

    /** Starts the mapping of the sealed hierarchy under {@code root}. */
    public static Builder of(Class<? extends RuntimeException> root) {
        if (!root.isSealed()) {
            throw new IllegalArgumentException(root.getName() + " is not sealed: its kinds cannot be known");
        }
        return new Builder(root);
    }

    /** The status of a domain error, or nothing for any other exception. */
    public Optional<HttpStatus> statusOf(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            HttpStatus status = statuses.get(type);
            if (status != null) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    public static final class Builder {

        private final Class<?> root;
        private final Map<Class<?>, HttpStatus> statuses = new LinkedHashMap<>();

        private Builder(Class<?> root) {
            this.root = root;
        }

        @SafeVarargs
        public final Builder map(HttpStatus status, Class<? extends RuntimeException>... kinds) {
            for (Class<? extends RuntimeException> kind : kinds) {
                if (!root.isAssignableFrom(kind)) {
                    throw new IllegalArgumentException(kind.getName() + " is not a " + root.getSimpleName());
                }
                if (statuses.putIfAbsent(kind, status) != null) {
                    throw new IllegalArgumentException(kind.getName() + " is mapped twice");
                }
            }
            return this;
        }

        /** The mapping, once every kind of the hierarchy has a status. */
        public DomainErrors complete() {
            List<String> unmapped = new ArrayList<>();
            collectUnmapped(root, unmapped);
            if (!unmapped.isEmpty()) {
                throw new IllegalStateException(
                        "Domain errors without an HTTP status (each would answer 500): " + unmapped);
            }
            return new DomainErrors(statuses);
        }

        /** A kind is covered when it or a class between it and the root is mapped. */
        private void collectUnmapped(Class<?> kind, List<String> unmapped) {
            if (statuses.containsKey(kind)) {
                return;
            }
            Class<?>[] subclasses = kind.getPermittedSubclasses();
            if (subclasses == null) {
                unmapped.add(kind.getSimpleName()); // a final or non-sealed leaf nobody mapped
                return;
            }
            for (Class<?> subclass : subclasses) {
                collectUnmapped(subclass, unmapped);
            }
        }
    }
}
