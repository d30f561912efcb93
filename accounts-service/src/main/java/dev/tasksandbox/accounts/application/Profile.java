package dev.tasksandbox.accounts.application;

import java.util.UUID;

/** Read model of {@code GET /api/users/me}. */
public record Profile(UUID id, String email) {}
