package dev.tasksandbox.contracts;

import java.util.UUID;

/**
 * An event on {@link AccountEvents#TOPIC}: one of the kinds this contract defines. Every kind is keyed by its
 * user, so one user's events keep their order; its {@code type} header is {@link #type()}.
 */
public sealed interface AccountEvent permits UserAccountCreated, UserSessionsRevoked {

    UUID eventId();

    UUID userId();

    /** The value of the {@code type} header. */
    String type();
}
