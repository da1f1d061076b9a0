package no.tenantdesk.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What one run of the program did: its exit code, what it printed, and the raw bytes of stdout. */
public record CommandResult(int exitCode, String out, String err, byte[] rawOut) {

    // Trailing tokens fail: a command's --json must print exactly one value, not one value and then more.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not one JSON value:\n" + out + "\nstderr:\n" + err, e);
        }
    }

    public long id() {
        return json().get("id").asLong();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
