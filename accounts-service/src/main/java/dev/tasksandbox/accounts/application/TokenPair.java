package dev.tasksandbox.accounts.application;

import java.time.Duration;

/** What a successful login answers: a short-lived access token and the refresh token that renews it. */
public record TokenPair(String accessToken, Duration accessTokenLifetime, String refreshToken) {}
