package no.tenantdesk.domain;

/** An organization as other records show it: a contact's company. */
public record OrganizationRef(long id, String name) {}
