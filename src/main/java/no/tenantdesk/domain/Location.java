package no.tenantdesk.domain;

import java.time.Instant;

/**
 * A place in the tree "Bygg A/2. etasje/Kontor 204"; the responsible person gets its tasks. {@code openInquiries}
 * counts those at this place and below it.
 */
public record Location(
        long id, String path, Long parentId, ContactRef responsible, long openInquiries, Instant createdAt) {

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
