package dev.tasksandbox.accounts.application;

import java.util.Map;

/** The public keys that verify access tokens, as the JWK set every service fetches (RFC 7517). */
public interface PublicKeys {

    Map<String, Object> asJwkSet();
}
