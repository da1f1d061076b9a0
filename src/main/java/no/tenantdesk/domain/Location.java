package no.tenantdesk.domain;

import java.time.Instant;
import java.util.List;

/**
 * A place in the tree "Bygg A/2. etasje/Kontor 204"; the responsible person gets its tasks. {@code openInquiries}
 * counts those at this place and below it. {@code aliases}: its other names, matched in mail as its name is.
 */
public record Location(long id, String path, Long parentId, ContactRef responsible, long openInquiries,
        Instant createdAt, List<String> aliases) {

    public Location {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Location withAliases(List<String> names) {
        return new Location(id, path, parentId, responsible, openInquiries, createdAt, names);
    }

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
