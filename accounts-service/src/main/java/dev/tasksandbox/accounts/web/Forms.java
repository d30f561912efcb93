package dev.tasksandbox.accounts.web;

import dev.tasksandbox.kernel.InvalidInput;
import dev.tasksandbox.kernel.InvalidValueException;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The OAuth2-style forms of this API (login, logout), read field by field so each answers its own 422. */
final class Forms {

    private Forms() {}

    /** The request's form; a body that is not valid form data is a 422 like any other bad input. */
    static Mono<MultiValueMap<String, String>> of(ServerWebExchange exchange) {
        return exchange.getFormData()
                // Spring's form reader lets a broken %-escape escape as IllegalArgumentException.
                .onErrorMap(
                        IllegalArgumentException.class,
                        broken -> new InvalidInput(List.of(new InvalidInput.FieldError(
                                "form", "is not valid application/x-www-form-urlencoded data"))));
    }

    /** A field that must be there and not empty; check it through FieldValidation, which makes it a 422. */
    static String present(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        return value;
    }
}
