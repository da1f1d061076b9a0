package no.tenantdesk.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.CliEnum;
import no.tenantdesk.domain.Comment;
import no.tenantdesk.domain.InquiryDetails;
import no.tenantdesk.domain.SearchHit;

/**
 * Output for scripts: exactly one JSON value per command, camelCase fields, ISO-8601 UTC times, enums as the CLI
 * spells them. Records are written as their components, so a record's shape is its JSON contract.
 */
public final class Json {

    private final ObjectMapper mapper;
    /** For {@link #line}: made on first use, as most commands print one value and never need it. */
    private ObjectWriter compact;

    public Json() {
        SimpleModule spellings = new SimpleModule("cli-spellings");
        spellings.addSerializer(CliEnum.class, new StdSerializer<>(CliEnum.class) {
            @Override
            public void serialize(CliEnum value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeString(value.cli());
            }
        });
        // No limit on a string's length: Jackson's default (20 million characters) applies when it reads, and the
        // lines a JsonSpool holds are read back; a tenant's 25 MB subject must come out as JSON, never half of it.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build()
                .setCharacterEscapes(new TerminalSafeEscapes());
        this.mapper = new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .registerModule(spellings)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * JSON may carry any character, but a script that prints a field to a terminal should not be tricked by a
     * tenant's text: C1 controls and bidirectional overrides are written as \\u escapes (still the same string).
     */
    private static final class TerminalSafeEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean unsafe = (ch >= 0x80 && ch <= 0x9F) || (ch >= 0x202A && ch <= 0x202E)
                    || (ch >= 0x2066 && ch <= 0x2069) || ch == 0x200E || ch == 0x200F || ch == 0x061C;
            return unsafe ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    public void print(PrintWriter out, Object value) {
        try {
            out.println(mapper.writeValueAsString(tree(value)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints an object whose last field is a list that was spooled rather than held: the same text {@link #print}
     * makes of the whole object, written an element at a time.
     */
    public void print(PrintWriter out, Map<String, Object> head, String field, JsonSpool list) {
        try (BufferedReader lines = list.read();
                JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            generator.useDefaultPrettyPrinter(); // as INDENT_OUTPUT
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartObject();
            for (Map.Entry<String, Object> entry : head.entrySet()) {
                generator.writeFieldName(entry.getKey());
                generator.writeTree(tree(entry.getValue()));
            }
            generator.writeFieldName(field);
            generator.writeStartArray();
            for (String line; (line = lines.readLine()) != null; ) {
                // Token by token: no tree for each of what may be tens of thousands of elements.
                try (JsonParser element = mapper.getFactory().createParser(line)) {
                    element.nextToken();
                    generator.copyCurrentStructure(element);
                }
            }
            generator.writeEndArray();
            generator.writeEndObject();
            generator.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each comment's fields, and where the history it quotes starts in its body (null: all of it is new). */
    private ArrayNode comments(List<Comment> comments) {
        ArrayNode array = mapper.createArrayNode();
        for (Comment comment : comments) {
            ObjectNode node = mapper.valueToTree(comment);
            comment.quotedHistory().ifPresentOrElse(h -> node.put("quotedFrom", h.from()),
                    () -> node.putNull("quotedFrom"));
            array.add(node);
        }
        return array;
    }

    /** One value as one line, for a {@link JsonSpool}. */
    String line(Object value) throws IOException {
        if (compact == null) {
            compact = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
        }
        return compact.writeValueAsString(shaped(value));
    }

    public JsonNode tree(Object value) {
        Object shaped = shaped(value);
        return shaped instanceof JsonNode node ? node : mapper.valueToTree(shaped);
    }

    /**
     * What is written of a value: a tree for those whose JSON is not simply their fields, else the value itself,
     * which Jackson writes without building a tree of it first (a line per message of fetch-mail --json).
     */
    private Object shaped(Object value) {
        if (value instanceof InquiryDetails details) {
            // `inquiry show`: the inquiry's own fields, then its story beside them.
            ObjectNode node = mapper.valueToTree(details.inquiry());
            node.set("comments", comments(details.comments()));
            node.set("tasks", mapper.valueToTree(details.tasks()));
            node.set("attachments", mapper.valueToTree(details.attachments()));
            node.set("events", mapper.valueToTree(details.events()));
            node.set("mails", mapper.valueToTree(details.mails()));
            node.set("outbox", mapper.valueToTree(details.outbox()));
            node.put("mergedInto", details.mergedInto());
            return node;
        }
        if (value instanceof SearchHit hit) {
            // `search`: the inquiry's own fields, and where it matched.
            ObjectNode node = mapper.valueToTree(hit.inquiry());
            node.set("match", mapper.valueToTree(hit.match()));
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = mapper.createArrayNode();
            list.forEach(element -> array.add(tree(element)));
            return array;
        }
        return value;
    }
}
