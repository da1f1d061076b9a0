package no.tenantdesk.mail.in;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
        this.ownAddresses = ownAddresses.stream()
                .map(address -> address.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Why the message should not become an inquiry, or empty when a person wrote it. Our own mail is recognised
     * first, so that a notice of ours that bounced is not taken for a stranger's bounce; a bounce ({@link Bounces})
     * before an auto-reply, since a delivery report also has an empty Return-Path.
     */
    public Optional<SkipReason> classify(InboundMail mail) {
        if (isOwn(mail)) {
            return Optional.of(SkipReason.OWN_MAIL);
        }
        if (Bounces.recognise(mail).isPresent()) {
            return Optional.of(SkipReason.BOUNCE);
        }
        if (isAutoReply(mail)) {
            return Optional.of(SkipReason.AUTO_REPLY);
        }
        if (values(mail, "precedence").stream().anyMatch(p -> p.equals("bulk") || p.equals("junk")
                || p.equals("list"))) {
            return Optional.of(SkipReason.BULK);
        }
        return Optional.empty();
    }

    private boolean isOwn(InboundMail mail) {
        return values(mail, LOOP_HEADER).stream().anyMatch(loop -> loop.contains(LOOP_VALUE))
                || ownAddresses.contains(mail.from().email().strip().toLowerCase(Locale.ROOT));
    }

    private static boolean isAutoReply(InboundMail mail) {
        // RFC 3834: "no" is the one value that says a person wrote it.
        if (values(mail, "auto-submitted").stream().anyMatch(value -> !value.isEmpty() && !value.equals("no"))) {
            return true;
        }
        if (!mail.header("x-autoreply").isEmpty() || !mail.header("x-autorespond").isEmpty()
                || !mail.header("x-auto-response-suppress").isEmpty()) {
            return true;
        }
        if (values(mail, "precedence").contains("auto_reply")) {
            return true;
        }
        // The null sender: what MTAs and vacation programs send from, so that nothing answers them in turn.
        return values(mail, "return-path").stream().anyMatch(path -> path.replace(" ", "").equals("<>"));
    }

    /** The header's values, lower case, without RFC 5322 comments and surrounding blanks. */
    private static List<String> values(InboundMail mail, String header) {
        return mail.header(header).stream()
                .map(value -> value.replaceAll("\\([^()]*\\)", " ").strip().toLowerCase(Locale.ROOT))
                .toList();
    }
}
