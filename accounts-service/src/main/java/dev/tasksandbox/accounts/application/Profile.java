package dev.tasksandbox.accounts.application;

/** Read model of {@code GET /api/users/me}. */
public record Profile(String id, String email) {}
