package no.tenantdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The audit trail of an inquiry as `inquiry show --json` prints it. */
public final class Events {

    private Events() {}

    /** The events after the inquiry's creation: what tests about changes look at. */
    public static ArrayNode changes(JsonNode inquiry) {
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        for (JsonNode event : inquiry.get("events")) {
            if (!event.get("field").asText().equals("created")) {
                changes.add(event);
            }
        }
        return changes;
    }
}
