package no.tenantdesk.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.ContactRole;
import org.apache.ibatis.annotations.Param;

public interface ContactMapper {

    record NewContact(
            String name,
            String nameKey,
            String email,
            String emailKey,
            String phone,
            ContactRole role,
            Long locationId,
            Long organizationId,
            Instant createdAt) {}

    @IgnoresHeldRows
    long insert(NewContact contact);

    /** A new contact with an id reserved for it ({@link #reserveIds}), held back by {@link WriteBehind}. */
    record Held(long id, NewContact row) {}

    /** Contacts with their reserved ids ({@link HeldColumns#contacts}), as {@link InquiryMapper#insertAll}. */
    void insertAll(@Param("c") Map<String, Object> columns);

    /** As {@link InquiryMapper#reserveIds}. */
    @IgnoresHeldRows
    List<Long> reserveIds(@Param("count") int count);

    ContactRow byId(long id);

    ContactRow byEmailKey(String emailKey);

    /** What filing a mail needs of its sender's contact: the id, the name, the premises and the organization. */
    record Sender(String emailKey, long id, String name, Long locationId, Long organizationId) {}

    /** The contacts with these lower-cased addresses (at least one), in no particular order. */
    List<Sender> senders(@Param("emailKeys") Collection<String> emailKeys);

    /** Contacts whose lower-cased name matches a LIKE pattern (escape character: backslash). */
    List<ContactRow> byNamePattern(String pattern);

    List<ContactRow> list(@Param("role") ContactRole role);

    /** The fields `contact update` changes, written whole. */
    record Fields(long id, String name, String nameKey, String email, String emailKey, String phone, ContactRole role,
            Long locationId, Long organizationId) {}

    void update(Fields fields);

    void setOrganization(@Param("id") long id, @Param("organizationId") Long organizationId);
}
