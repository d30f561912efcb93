package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RecordNullnessTest {

    record Item(String name) {}

    record Page(List<Item> items, @Nullable String nextAfter) {}

    @Test
    void a_records_members_are_required_unless_nullable_and_nullable_exactly_when_marked() {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(new RecordNullness());

        Map<String, Schema> schemas = converters.readAll(new AnnotatedType(Page.class));

        Schema<?> page = schemas.get("Page");
        assertThat(page.getRequired()).containsExactly("items");
        assertThat(((Schema<?>) page.getProperties().get("nextAfter")).getNullable())
                .isTrue();
        assertThat(((Schema<?>) page.getProperties().get("items")).getNullable())
                .isNull();
        assertThat(schemas.get("Item").getRequired())
                .as("a record met as a member, resolved as a reference")
                .containsExactly("name");
    }
}
