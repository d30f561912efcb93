package dev.tasksandbox.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void an_address_is_trimmed() {
        assertThat(new EmailAddress("  ada@example.com \t").value()).isEqualTo("ada@example.com");
    }

    @Test
    void addresses_differing_only_in_case_are_the_same_address() {
        EmailAddress typed = new EmailAddress("Ada.Lovelace@Example.COM");

        assertThat(typed.value()).isEqualTo("Ada.Lovelace@Example.COM");
        assertThat(typed.canonical()).isEqualTo("ada.lovelace@example.com");
        assertThat(typed.sameAddressAs(new EmailAddress("ada.lovelace@example.com")))
                .isTrue();
    }

    @Test
    void an_address_of_254_characters_is_accepted_and_255_is_refused() {
        String domain =
                "@" + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + "." + "g".repeat(60) + ".com";
        String local = "a".repeat(EmailAddress.MAX_LENGTH - domain.length());
        assertThat(new EmailAddress(local + domain).value()).hasSize(254);

        assertThatThrownBy(() -> new EmailAddress("a" + local + domain))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.reason()).isEqualTo("must be at most 254 characters");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "plainaddress",
                "@example.com",
                "ada@",
                "ada@example",
                "ada@@example.com",
                "ada lovelace@example.com",
                "ada@exa mple.com",
                ".ada@example.com",
                "ada..l@example.com",
                "ada.@example.com",
                "ada@-example.com",
                "ada@example..com"
            })
    void a_malformed_address_is_refused(String text) {
        assertThatThrownBy(() -> new EmailAddress(text))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void a_missing_address_is_refused() {
        assertThatThrownBy(() -> new EmailAddress(null)).isInstanceOf(InvalidValueException.class);
    }
}
