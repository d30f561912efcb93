package dev.tasksandbox.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The characters Spring Security's {@link StrictServerWebExchangeFirewall} allows in header names and values, the
 * same sets as its defaults, checked code point by code point instead of by its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} and, for values, the same with a tab allowed). The firewall checks
 * every header of every request, and again each header read later (the bearer token's among them): with a
 * token of several hundred characters, those expressions took 1.7 % of the CPU samples of projects-service serving
 * task lists (README, <i>Figures</i>). {@code HeaderCharactersTest} holds both to the expressions for
 * every code point.
 */
final class HeaderCharacters {

    private HeaderCharacters() {}

    /**
     * Every character assigned in Unicode, none a control character. The firewall also asks about headers that
     * are absent (null), and finds nothing to refuse in them.
     */
    static boolean allowedInName(@Nullable String name) {
        return name == null || assignedWithoutControls(name, false);
    }

    /** As in a name, and a tab besides. */
    static boolean allowedInValue(@Nullable String value) {
        return value == null || assignedWithoutControls(value, true);
    }

    private static boolean assignedWithoutControls(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
