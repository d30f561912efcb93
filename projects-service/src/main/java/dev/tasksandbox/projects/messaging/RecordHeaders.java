package dev.tasksandbox.projects.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/** The text headers of a record: the contract's headers are UTF-8 strings. */
final class RecordHeaders {

    private RecordHeaders() {}

    /** The last header of that name, as text; null when the record has none. */
    static @Nullable String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
