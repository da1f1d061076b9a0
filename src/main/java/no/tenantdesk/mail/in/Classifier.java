package no.tenantdesk.mail.in;

import java.util.Optional;
import java.util.Set;
import no.tenantdesk.domain.SkipReason;

/**
 * Tells automatic mail from mail a person wrote, by its headers alone: out-of-office answers, bulk mail, bounces and
 * our own mail coming back. Duplicates are the service's business: only the database knows them.
 */
public final class Classifier {

    /** The header our outgoing mail carries; mail that comes back with it is never imported. */
    public static final String LOOP_HEADER = "X-Loop";
    /** Its value: the product's name, so that it survives a change of our address. */
    public static final String LOOP_VALUE = "tenantdesk";

    private final Set<String> ownAddresses;

    /** @param ownAddresses our mailbox addresses, lower-case; mail From one of them is our own */
    public Classifier(Set<String> ownAddresses) {
        this.ownAddresses = Set.copyOf(ownAddresses);
    }

    public Optional<SkipReason> classify(InboundMail mail) {
        throw new UnsupportedOperationException("helper A writes this");
    }
}
