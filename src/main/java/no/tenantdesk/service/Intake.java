package no.tenantdesk.service;

import java.util.List;
import java.util.Optional;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.in.RawMessage;
import no.tenantdesk.triage.Triage;

/**
 * A message as read before it is filed: parsed and classified, or unreadable with the reason. Made by
 * {@link MailReader} for fetch-mail and for a quarantine retry alike. Closing it removes its files.
 */
sealed interface Intake extends AutoCloseable {

    RawMessage raw();

    @Override
    void close();

    /**
     * @param automatic   why it is automatic mail; empty when a person wrote it
     * @param returnedIds of a bounce: the Message-IDs in the returned message, which may name mail of ours
     * @param triage      what the run's triage read of it on the parsing thread; null when it was not read there
     */
    record Parsed(RawMessage raw, InboundMail mail, Optional<SkipReason> automatic, List<String> returnedIds,
            Triage.Reading triage) implements Intake {

        public Parsed {
            returnedIds = List.copyOf(returnedIds);
        }

        Parsed(RawMessage raw, InboundMail mail, Optional<SkipReason> automatic, List<String> returnedIds) {
            this(raw, mail, automatic, returnedIds, null);
        }

        @Override
        public void close() {
            try {
                mail.close();
            } finally {
                raw.close();
            }
        }
    }

    /** @param reason one line: why it could not be read */
    record Unreadable(RawMessage raw, String reason) implements Intake {

        @Override
        public void close() {
            raw.close();
        }
    }
}
