package dev.tasksandbox.web;

import java.time.Duration;

/**
 * What every access token must say, whichever service checks it: who issued it, for whom, and for how long
 * the clocks of issuer and checker may disagree.
 */
public record TokenRules(String issuer, String audience, Duration clockSkew) {}
