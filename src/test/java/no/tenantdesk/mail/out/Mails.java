package no.tenantdesk.mail.out;

import java.nio.file.Path;
import java.util.List;
import no.tenantdesk.mail.out.OutgoingMail.Address;
import no.tenantdesk.mail.out.OutgoingMail.Attachment;

/** Outgoing mail as the outbox would hand it over: a reply on inquiry 12. */
final class Mails {

    static final String SUBJECT = "Re: [#12] Lekkasje i taket på kontor 204";
    static final String TEXT = "Hei Kari,\n\nVi sender en rørlegger i dag før lunsj.\nHilsen Ørjan, Driftssentralen\n";
    static final Address FROM = new Address("Driftssentralen Ålesund", "post@eiendom.example");
    static final Address KARI = new Address("Kari Nordmann", "kari@example.no");

    private Mails() {}

    static OutgoingMail reply(String messageId, List<Attachment> attachments) {
        return new OutgoingMail(messageId, FROM, List.of(KARI), SUBJECT, TEXT, "CAB7x2=kari.204@mail.example.no",
                List.of("first@eiendom.example", "CAB7x2=kari.204@mail.example.no"), OutgoingMail.Automatic.NO,
                attachments);
    }

    static OutgoingMail reply(String messageId) {
        return reply(messageId, List.of());
    }

    static OutgoingMail notice(String messageId, String to) {
        return new OutgoingMail(messageId, FROM, List.of(Address.of(to)), "[#12] Vi har mottatt henvendelsen din",
                "Takk, vi har mottatt henvendelsen din.\n", null, List.of(), OutgoingMail.Automatic.REPLIED, List.of());
    }

    static Attachment attachment(Path file, String name, String type) {
        return new Attachment(name, type, file);
    }
}
