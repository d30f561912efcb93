package dev.tasksandbox.accounts.web;

import dev.tasksandbox.kernel.InvalidInput;

/**
 * A token request that is refused before any credential is looked at: a 422 naming its fields, like any invalid
 * input, that also carries the RFC 6749 section 5.2 error code a standard OAuth 2 client reads.
 */
final class InvalidTokenRequest extends InvalidInput {

    private final String oauthError;

    private InvalidTokenRequest(InvalidInput invalid, String oauthError) {
        super(invalid.errors());
        this.oauthError = oauthError;
    }

    /** A field missing or malformed. */
    static InvalidTokenRequest malformed(InvalidInput invalid) {
        return new InvalidTokenRequest(invalid, "invalid_request");
    }

    /** A grant this endpoint does not offer. */
    static InvalidTokenRequest unsupportedGrantType(InvalidInput invalid) {
        return new InvalidTokenRequest(invalid, "unsupported_grant_type");
    }

    String oauthError() {
        return oauthError;
    }
}
