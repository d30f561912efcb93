package dev.tasksandbox.web;

import java.util.Base64;

/**
 * Whether a token is spelled the one way its bytes are: each dot-separated part unpadded base64url whose last
 * character carries no stray bits (RFC 7515 §2, RFC 4648 §3.5). Nimbus decodes other spellings to the same bytes,
 * so a token with a character or {@code ==} appended verified as the token issued; a token is held to its issued
 * text instead, which is also what a cache of verified tokens or a log line names it by.
 */
final class CanonicalTokens {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CanonicalTokens() {}

    static boolean isCanonical(String token) {
        for (String part : token.split("\\.", -1)) {
            if (!isCanonicalPart(part)) {
                return false;
            }
        }
        return true;
    }

    /** Decoded and encoded again, the part must come back as it was: no padding, no other bits, no other letters. */
    private static boolean isCanonicalPart(String part) {
        try {
            return ENCODER.encodeToString(DECODER.decode(part)).equals(part);
        } catch (IllegalArgumentException notBase64url) {
            return false;
        }
    }
}
