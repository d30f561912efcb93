package dev.tasksandbox.accounts.web;

import dev.tasksandbox.kernel.InvalidInput;
import java.util.List;

/** A token request for a grant this endpoint does not offer: a 422 naming {@code grant_type}, like any bad field. */
final class UnsupportedGrantType extends InvalidInput {

    UnsupportedGrantType(String expected) {
        super(List.of(new FieldError("grant_type", "must be " + expected)));
    }
}
