package dev.tasksandbox.projects.application;

import java.time.Duration;

/**
 * How often a write that lost an optimistic-locking race is tried again, and how long to wait in between
 * (the wait grows and is jittered, so that writers who collided do not collide again).
 */
public record ConcurrencyPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff) {}
