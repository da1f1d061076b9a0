package no.tenantdesk.render;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tenantdesk.domain.TenantdeskException;

/**
 * A list too long to hold until it is printed (every message of a fetch-mail run, for --json): its elements wait in
 * a temporary file, one line of JSON each, so that a run's memory does not grow with the mailbox. The file is made in
 * the folder given (the run's own, private one: the lines hold tenants' names and subjects). Closing it removes the
 * file.
 */
public final class JsonSpool implements AutoCloseable {

    private final Json json;
    private final Path file;
    private final BufferedWriter lines;

    public JsonSpool(Json json, Path folder) {
        this.json = json;
        try {
            this.file = Files.createTempFile(folder, "messages-", ".jsonl");
            this.lines = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TenantdeskException("cannot create a temporary file: " + e.getMessage(), e);
        }
    }

    public void add(Object element) {
        try {
            lines.write(json.line(element));
            lines.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary file " + file, e);
        }
    }

    /** The elements' lines, in the order they were added; after this, nothing more can be added. */
    BufferedReader read() throws IOException {
        lines.close();
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            lines.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left for the system's cleaning of temporary files; the output stands.
        }
    }
}
