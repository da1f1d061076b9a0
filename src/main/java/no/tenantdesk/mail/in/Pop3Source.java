package no.tenantdesk.mail.in;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;

/**
 * A POP3 mailbox, through {@link Pop3Client}. Keys are the server's UIDL. KEEP (the default) leaves the mail on the
 * server and relies on the service remembering keys; DELETE marks the messages marked done, and the server deletes
 * them when {@link #close()} ends the session with QUIT. A run that dies before that deletes nothing, and the next run
 * skips what it stored. Messages are downloaded a batch at a time ({@link Downloads}): RETR pipelined where the server
 * has PIPELINING.
 */
final class Pop3Source implements MailSource {

    /** Messages per batch of RETR: a round trip for many small ones, and little spooled ahead of the service. */
    private static final int BATCH_MESSAGES = 500;
    private static final long BATCH_BYTES = 16L * 1024 * 1024;

    private final String name;
    private final AfterImport afterImport;
    private final Path spool;
    private final Pop3Client client;
    private final Consumer<String> warnings;
    private final Downloads downloads = new Downloads(BATCH_MESSAGES, BATCH_BYTES, 1024 * 1024);
    private Map<String, Integer> numbers;

    private Pop3Source(String name, AfterImport afterImport, Path spool, Pop3Client client,
            Consumer<String> warnings) {
        this.name = name;
        this.afterImport = afterImport;
        this.spool = spool;
        this.client = client;
        this.warnings = warnings;
    }

    static Pop3Source open(String name, ServerAddress address, SourceSpec spec) {
        AfterImport after = spec.afterImport() == null ? AfterImport.KEEP : spec.afterImport();
        if (after != AfterImport.KEEP && after != AfterImport.DELETE) {
            throw new InvalidInputException(name + ": POP3 can only keep or delete messages after import, not "
                    + after.name().toLowerCase(Locale.ROOT));
        }
        Pop3Client client = Pop3Client.open(name, address, spec.password(), spec.tokens(), spec.tls(),
                MailSources.timeout(spec), spec.sslSockets());
        return new Pop3Source(name, after, spec.spool(), client, spec.warnings());
    }

    @Override
    public String name() {
        return name;
    }

    /** In message-number order, which is the order the server received them. */
    @Override
    public List<Waiting> list() {
        Map<String, Integer> byUid = new HashMap<>();
        List<Waiting> waiting = new ArrayList<>();
        for (Pop3Client.Listed listed : client.list()) {
            if (byUid.putIfAbsent(listed.uid(), listed.number()) == null) {
                waiting.add(new Waiting(listed.uid(), listed.size()));
            }
        }
        numbers = byUid;
        return waiting;
    }

    @Override
    public void willFetch(List<Waiting> messages) {
        downloads.plan(messages);
    }

    @Override
    public RawMessage fetch(Waiting waiting) {
        TenantdeskException gone =
                new TenantdeskException(name + ": message " + waiting.key() + " is no longer on the server");
        if (numbers().get(waiting.key()) == null) {
            throw gone;
        }
        RawMessage raw = downloads.take(waiting, gone);
        if (raw == null) {
            Map<Integer, String> keys = new HashMap<>();
            List<Integer> batch = new ArrayList<>();
            for (Waiting w : downloads.batchFrom(waiting)) {
                Integer number = numbers().get(w.key());
                if (number != null) {
                    keys.put(number, w.key());
                    batch.add(number);
                }
            }
            try {
                client.retrieve(batch, spool, (number, file) -> downloads.arrived(keys.get(number), file));
            } catch (TenantdeskException e) {
                downloads.failed(e);
            }
            raw = downloads.take(waiting, gone);
        }
        return raw;
    }

    @Override
    public void markDone(List<Waiting> waiting) {
        if (afterImport != AfterImport.DELETE) {
            return;
        }
        client.delete(waiting.stream().map(w -> numbers().get(w.key())).filter(n -> n != null).toList());
    }

    /** Marking done may come before any listing (keys stored in an earlier run): then UIDL is asked now. */
    private Map<String, Integer> numbers() {
        if (numbers == null) {
            list();
        }
        return numbers;
    }

    /** QUIT; with DELETE, that is when the server deletes the messages marked done. */
    @Override
    public void close() {
        downloads.close();
        try {
            client.quit();
        } catch (TenantdeskException e) {
            if (afterImport == AfterImport.DELETE && warnings != null) {
                String why = e.getMessage().startsWith(name + ": ")
                        ? e.getMessage().substring(name.length() + 2) : e.getMessage();
                warnings.accept(name + ": the server may not have deleted the imported messages (" + why
                        + "); the next run skips them");
            }
        }
    }
}
