package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Tenant organizations (V013), their mail domains and their premises. */
public interface OrganizationMapper {

    record Row(long id, String name, Instant createdAt) {}

    /** A claimed domain (lower case) and who claims it. */
    record Domain(String domain, long organizationId) {}

    /** A place an organization rents, with its path. */
    record Premises(long organizationId, long locationId, String path) {}

    long insert(@Param("name") String name, @Param("nameKey") String nameKey, @Param("createdAt") Instant createdAt);

    Row byId(long id);

    Row byNameKey(String nameKey);

    /** Organizations whose folded name matches a LIKE pattern (escape character: backslash). */
    List<Row> byNamePattern(String pattern);

    List<Row> all();

    void rename(@Param("id") long id, @Param("name") String name, @Param("nameKey") String nameKey);

    /** Every claimed domain: a few per organization. */
    List<Domain> domains();

    List<String> domainsOf(long organizationId);

    Domain domain(String domain);

    void addDomain(@Param("domain") String domain, @Param("organizationId") long organizationId);

    int removeDomain(@Param("domain") String domain, @Param("organizationId") long organizationId);

    /** Every organization's premises. */
    List<Premises> premises();

    List<Premises> premisesOf(long organizationId);

    void addPremises(@Param("organizationId") long organizationId, @Param("locationId") long locationId);

    int removePremises(@Param("organizationId") long organizationId, @Param("locationId") long locationId);

    /**
     * The contacts at the domain (or a subdomain of it) who belong to no organization join this one: they wrote from
     * its domain before it was claimed.
     *
     * @return how many joined
     */
    int adoptContacts(@Param("organizationId") long organizationId, @Param("atDomain") String atDomain,
            @Param("atSubdomain") String atSubdomain);

    /** The contacts of the organization, by name. */
    List<ContactRow> contacts(long organizationId);

    long openInquiries(long organizationId);
}
