package no.tenantdesk.domain;

import java.time.Instant;

/** One line of the audit trail: who changed which field of an inquiry (or of one of its tasks), from what to what. */
public record Event(long id, Long taskId, String actor, String field, String from, String to, Instant createdAt) {}
