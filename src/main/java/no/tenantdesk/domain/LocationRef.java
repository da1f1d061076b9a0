package no.tenantdesk.domain;

public record LocationRef(long id, String path) {}
