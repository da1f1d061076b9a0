package no.tenantdesk.service;

import java.util.List;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.store.OrganizationMapper;
import no.tenantdesk.store.Tx;
import no.tenantdesk.triage.Triage;

/**
 * Finds organizations in the current transaction, as {@link Lookup} finds contacts: ORG is an id, a name (or a part of
 * one that fits one organization), or one of its domains.
 */
final class Organizations {

    private final OrganizationMapper mapper;

    Organizations(Tx tx) {
        this.mapper = tx.mapper(OrganizationMapper.class);
    }

    OrganizationMapper.Row find(String org) {
        String wanted = org.strip();
        if (wanted.matches("#?\\d{1,18}")) {
            OrganizationMapper.Row row = mapper.byId(Long.parseLong(wanted.replace("#", "")));
            if (row == null) {
                throw new InvalidInputException("no organization has id " + wanted);
            }
            return row;
        }
        OrganizationMapper.Row exact = mapper.byNameKey(Lookup.Keys.name(wanted));
        if (exact != null) {
            return exact;
        }
        if (wanted.contains(".") && !wanted.contains(" ")) {
            Long owner = ownerOfDomain(Lookup.Keys.email(wanted.startsWith("@") ? wanted.substring(1) : wanted));
            if (owner != null) {
                return mapper.byId(owner);
            }
        }
        List<OrganizationMapper.Row> candidates = mapper.byNamePattern(
                Lookup.Keys.likeContains(Lookup.Keys.name(wanted)));
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new InvalidInputException("no organization matches '" + org + "' (see: tenantdesk org list)");
        }
        throw new InvalidInputException("'" + org + "' matches " + candidates.size() + " organizations: "
                + candidates.stream().limit(8).map(r -> "#" + r.id() + " " + r.name()).collect(Collectors.joining(", "))
                + (candidates.size() > 8 ? ", …" : "") + "; give an id or the whole name");
    }

    /** The organization a new contact with this address belongs to: the owner of its domain, or none. */
    Long ownerOf(String email) {
        String domain = Triage.domain(email);
        return domain.isEmpty() ? null : ownerOfDomain(domain);
    }

    /** The organization that claims the domain, or the nearest domain above it. */
    private Long ownerOfDomain(String domain) {
        for (String at = domain; at != null; ) {
            OrganizationMapper.Domain claimed = mapper.domain(at);
            if (claimed != null) {
                return claimed.organizationId();
            }
            int dot = at.indexOf('.');
            at = dot < 0 || at.indexOf('.', dot + 1) < 0 ? null : at.substring(dot + 1);
        }
        return null;
    }
}
