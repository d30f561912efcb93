package dev.tasksandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rendered Kubernetes object, as SnakeYAML reads it (maps, lists, strings and numbers), with the few ways of
 * reading it that the tests need. A field the test expects and the object lacks fails the test with its path.
 */
record Manifest(Map<String, Object> fields) {

    /** One document of kubectl's output, which must be an object (a map). */
    static Manifest of(Object document) {
        assertThat(document).as("a rendered document").isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) document;
        return new Manifest(fields);
    }

    String kind() {
        return text(fields, "kind");
    }

    String apiVersion() {
        return text(fields, "apiVersion");
    }

    /** The API group: {@code apps} for {@code apps/v1}, empty for the core group's {@code v1}. */
    String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    String name() {
        return text(metadata(), "name");
    }

    String namespace() {
        Object namespace = metadata().get("namespace");
        return namespace == null ? "" : namespace.toString();
    }

    Map<String, Object> metadata() {
        return map(fields, "metadata");
    }

    Map<String, String> labels() {
        return strings(metadata(), "labels");
    }

    Map<String, Object> spec() {
        return map(fields, "spec");
    }

    @Override
    public String toString() {
        return kind() + " " + name();
    }

    /** The map under {@code key}, or an empty map when there is none. */
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            return Map.of();
        }
        assertThat(value).as(key).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    /** The map found by following {@code keys} from {@code parent}; empty when one of them is missing. */
    static Map<String, Object> path(Map<String, Object> parent, String... keys) {
        Map<String, Object> current = parent;
        for (String key : keys) {
            current = map(current, key);
        }
        return current;
    }

    /** The list of maps under {@code key}, or an empty list when there is none. */
    static List<Map<String, Object>> maps(Map<String, Object> parent, String key) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : list(parent, key)) {
            assertThat(item).as(key).isInstanceOf(Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) item;
            maps.add(map);
        }
        return maps;
    }

    /** The list under {@code key}, or an empty list when there is none. */
    static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            return new ArrayList<>();
        }
        assertThat(value).as(key).isInstanceOf(List.class);
        return new ArrayList<>((List<?>) value);
    }

    /** The map of strings under {@code key} (labels, a ConfigMap's data), or an empty map. */
    static Map<String, String> strings(Map<String, Object> parent, String key) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(parent, key).forEach((name, value) -> strings.put(name, String.valueOf(value)));
        return strings;
    }

    /** The value under {@code key} as text; the test fails when there is none. */
    static String text(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("%s in %s", key, parent.keySet()).isNotNull();
        return String.valueOf(value);
    }

    /** The value under {@code key} as a whole number; the test fails when there is none or it is not one. */
    static int number(Map<String, Object> parent, String key) {
        return Integer.parseInt(text(parent, key));
    }
}
