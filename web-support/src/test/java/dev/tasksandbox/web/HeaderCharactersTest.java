package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

class HeaderCharactersTest {

    @Test
    void every_code_point_is_allowed_in_a_header_name_and_value_exactly_when_the_firewall_default_allows_it() {
        int differences = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String one = "a" + Character.toString(codePoint) + "b";
            if (HeaderCharacters.allowedInName(one) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(one)
                    || HeaderCharacters.allowedInValue(one)
                            != StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(one)) {
                differences++;
            }
        }
        assertThat(differences).isZero();
    }

    @Test
    void
            tabs_control_characters_unassigned_lone_surrogates_and_absent_headers_are_judged_as_the_firewall_judges_them() {
        List<String> samples = List.of(
                "",
                "Bearer eyJ.x",
                "a\tb",
                "a\nb",
                "a\rb",
                "a\u0000b",
                "a\u007fb",
                "a\u0085b",
                "caf\u00e9",
                "\ud83d\ude00",
                "\ud83d",
                "x\ude00",
                "a\u0378b",
                "\u2028",
                "\ufeff");
        for (String sample : samples) {
            assertThat(HeaderCharacters.allowedInName(sample))
                    .as("name %s", sample.codePoints().boxed().toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(sample));
            assertThat(HeaderCharacters.allowedInValue(sample))
                    .as("value %s", sample.codePoints().boxed().toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(sample));
        }
        // Asked about an absent header (the firewall checks what getFirst returns), both find nothing to refuse.
        assertThat(HeaderCharacters.allowedInName(null))
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null))
                .isTrue();
        assertThat(HeaderCharacters.allowedInValue(null))
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null))
                .isTrue();
        assertThat(HeaderCharacters.allowedInValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedInName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("a\nb")).isFalse();
    }
}
