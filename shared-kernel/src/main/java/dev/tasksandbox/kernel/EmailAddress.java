package dev.tasksandbox.kernel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid email address, trimmed, at most 254 characters (the SMTP path limit).
 * Two addresses that differ only in case belong to the same person, so equality and uniqueness use
 * {@link #canonical()}, while {@link #value()} keeps the spelling the user typed.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;

    // Deliberately plain: a local part of printable characters without spaces or '@', and a domain of
    // dot-separated labels. Deliverability is proven by mail, not by a regular expression.
    private static final Pattern SHAPE =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        if (value == null) {
            throw new InvalidValueException("email", "must not be empty");
        }
        value = value.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("email", "must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("email", "must be at most " + MAX_LENGTH + " characters");
        }
        if (!SHAPE.matcher(value).matches()
                || value.indexOf('@') > MAX_LOCAL_PART_LENGTH
                || value.startsWith(".")
                || value.contains("..")
                || value.contains(".@")) {
            throw new InvalidValueException("email", "must be a valid email address");
        }
    }

    /** The form used to compare addresses: case does not make a different person. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAddressAs(EmailAddress other) {
        return canonical().equals(other.canonical());
    }

    @Override
    public String toString() {
        return value;
    }
}
