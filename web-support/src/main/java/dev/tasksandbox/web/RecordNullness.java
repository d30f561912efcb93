package dev.tasksandbox.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Documents a record's members as the code has them, so that the document cannot drift from the null checks the
 * build enforces (NullAway): a member marked {@code @Nullable} is nullable and may be absent; every other member is
 * required and never null. A member whose {@code @Schema} sets {@code requiredMode} keeps what it says.
 */
final class RecordNullness implements ModelConverter {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema schema = chain.next().resolve(type, context, chain);
        Class<?> raw =
                TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
        // Resolved as a reference, the schema names the model the context now holds.
        Schema model = schema != null && schema.get$ref() != null
                ? context.getDefinedModels()
                        .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1))
                : schema;
        if (model == null || !raw.isRecord() || model.getProperties() == null) {
            return schema;
        }
        document(raw, model);
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void document(Class<?> raw, Schema schema) {
        List<String> required = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            Field field = field(raw, component);
            String name = propertyName(component, field);
            Schema property = (Schema) schema.getProperties().get(name);
            if (property == null || explicitlyRequiredOrNot(field)) {
                continue;
            }
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                property.setNullable(true);
            } else {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            schema.setRequired(required);
        }
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException("a record has a field per component", impossible);
        }
    }

    private static String propertyName(RecordComponent component, Field field) {
        JsonProperty renamed = field.getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    private static boolean explicitlyRequiredOrNot(Field field) {
        io.swagger.v3.oas.annotations.media.Schema declared =
                field.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return declared != null
                && declared.requiredMode() != io.swagger.v3.oas.annotations.media.Schema.RequiredMode.AUTO;
    }
}
