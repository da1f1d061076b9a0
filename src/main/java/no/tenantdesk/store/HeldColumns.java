package no.tenantdesk.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows held by {@link WriteBehind}, as one array per column, for PostgreSQL's {@code unnest}: a statement whose text
 * is the same for any number of rows, which the server plans once and MyBatis binds in a parameter per column. A
 * multi-row VALUES was a new statement of 4,000 parameters for 250 rows: building and binding it took three quarters
 * of the importer's main thread (JFR, 5,000 messages), and planning it a quarter of the inquiry insert's server time
 * ({@code pg_stat_statements}).
 *
 * <p>Every column but a content's bytes goes as text ({@code text[]}, cast by the statement to the column's type),
 * spelled as PostgreSQL reads it: an instant in ISO-8601, an enum as the command line spells it
 * ({@link CliEnumTypeHandler}).
 */
final class HeldColumns {

    private final Map<String, Object> columns = new HashMap<>();

    private HeldColumns() {}

    static Map<String, Object> contacts(List<ContactMapper.Held> rows) {
        return new HeldColumns()
                .text("id", rows, ContactMapper.Held::id)
                .text("name", rows, h -> h.row().name())
                .text("nameKey", rows, h -> h.row().nameKey())
                .text("email", rows, h -> h.row().email())
                .text("emailKey", rows, h -> h.row().emailKey())
                .text("phone", rows, h -> h.row().phone())
                .text("role", rows, h -> h.row().role())
                .text("locationId", rows, h -> h.row().locationId())
                .text("organizationId", rows, h -> h.row().organizationId())
                .text("createdAt", rows, h -> h.row().createdAt())
                .columns;
    }

    /** With each text's search words as {@link SearchWords#binary} makes them (null where the server must). */
    static Map<String, Object> inquiries(List<InquiryMapper.Held> rows) {
        return new HeldColumns()
                .text("id", rows, InquiryMapper.Held::id)
                .text("title", rows, h -> h.row().title())
                .text("description", rows, h -> h.row().description())
                .text("status", rows, h -> h.row().status())
                .text("priority", rows, h -> h.row().priority())
                .text("source", rows, h -> h.row().source())
                .text("requesterId", rows, h -> h.row().requesterId())
                .text("locationId", rows, h -> h.row().locationId())
                .text("locationFrom", rows, h -> h.row().locationFrom())
                .text("locationMatched", rows, h -> h.row().locationMatched())
                .text("assigneeId", rows, h -> h.row().assigneeId())
                .text("createdAt", rows, h -> h.row().createdAt())
                .text("respondBy", rows, h -> h.row().respondBy())
                .text("resolveBy", rows, h -> h.row().resolveBy())
                .vectors("titleWords", rows, h -> h.words().title())
                .vectors("descriptionWords", rows, h -> h.words().description())
                .columns;
    }

    static Map<String, Object> events(List<EventMapper.NewEvent> rows) {
        return new HeldColumns()
                .text("inquiryId", rows, EventMapper.NewEvent::inquiryId)
                .text("taskId", rows, EventMapper.NewEvent::taskId)
                .text("actor", rows, EventMapper.NewEvent::actor)
                .text("field", rows, EventMapper.NewEvent::field)
                .text("oldValue", rows, EventMapper.NewEvent::oldValue)
                .text("newValue", rows, EventMapper.NewEvent::newValue)
                .text("createdAt", rows, EventMapper.NewEvent::createdAt)
                .columns;
    }

    static Map<String, Object> mails(List<MailMapper.NewMail> rows) {
        return new HeldColumns()
                .text("direction", rows, MailMapper.NewMail::direction)
                .text("messageId", rows, m -> m.header().messageId())
                .text("messageKey", rows, m -> m.header().messageKey())
                .text("source", rows, MailMapper.NewMail::source)
                .text("sourceKey", rows, MailMapper.NewMail::sourceKey)
                .text("sender", rows, m -> m.header().sender())
                .text("senderKey", rows, m -> m.header().senderKey())
                .text("subject", rows, m -> m.header().subject())
                .text("sentAt", rows, m -> m.header().sentAt())
                .text("rawSha256", rows, m -> m.raw().sha256())
                .text("rawSize", rows, m -> m.raw().size())
                .text("rawPartial", rows, m -> m.raw().partial())
                .text("outcome", rows, m -> m.result().outcome())
                .text("matchedBy", rows, m -> m.result().matchedBy())
                .text("reason", rows, m -> m.result().reason())
                .text("inquiryId", rows, m -> m.result().inquiryId())
                .text("commentId", rows, m -> m.result().commentId())
                .text("createdAt", rows, MailMapper.NewMail::createdAt)
                .columns;
    }

    static Map<String, Object> blobs(List<AttachmentMapper.NewBlob> rows) {
        byte[][] data = new byte[rows.size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = rows.get(i).data();
        }
        HeldColumns held = new HeldColumns()
                .text("sha256", rows, AttachmentMapper.NewBlob::sha256)
                .text("size", rows, AttachmentMapper.NewBlob::size);
        held.columns.put("data", data);
        return held.columns;
    }

    private <T> HeldColumns text(String name, List<T> rows, Function<T, Object> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = spelling(value.apply(rows.get(i)));
        }
        columns.put(name, column);
        return this;
    }

    /** Search words, already in the server's binary form: one {@code tsvector[]} ({@link TsvectorArray}). */
    private <T> HeldColumns vectors(String name, List<T> rows, Function<T, byte[]> value) {
        byte[][] column = new byte[rows.size()][];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        columns.put(name, new TsvectorArray(column));
        return this;
    }

    private static String spelling(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Enum<?> constant) {
            return CliEnumTypeHandler.spelling(constant);
        }
        if (value instanceof Instant || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException("no text form for a " + value.getClass().getName());
    }
}
