package no.tenantdesk.mail.in;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.MailSource.Waiting;

/**
 * The messages a server source downloads ahead of their turn. When the service asks for a message, the source
 * downloads it together with the next ones the service said it will ask for ({@link MailSource#willFetch}), as many as
 * fit in a batch by count and listed size, in one exchange with the server (IMAP: one UID FETCH; POP3: RETR
 * pipelined), and this hands them out one by one. So a round trip carries many small messages instead of one.
 *
 * <p>Each message is in a spool file as soon as it has arrived whole; those never asked for are deleted when the plan
 * changes or the source closes. A batch that breaks off (the connection is lost) keeps what arrived before: the
 * service files it, and asking for the rest fails as the batch did.
 */
final class Downloads implements AutoCloseable {

    private final int batchMessages;
    private final long batchBytes;
    /** A listed size that is unknown (-1) counts as this much. */
    private final long unknownSize;
    private List<Waiting> plan = List.of();
    private Map<String, Integer> positions = Map.of();
    private final Map<String, Path> ready = new HashMap<>();
    /** Keys asked of the server in a batch: those not ready were not sent (gone), or lost with the batch. */
    private final Set<String> asked = new HashSet<>();
    private TenantdeskException failure;

    Downloads(int batchMessages, long batchBytes, long unknownSize) {
        this.batchMessages = batchMessages;
        this.batchBytes = batchBytes;
        this.unknownSize = unknownSize;
    }

    /** What the service will ask for next, in order; whatever was downloaded for an earlier plan goes. */
    void plan(List<Waiting> messages) {
        discard();
        plan = List.copyOf(messages);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            at.putIfAbsent(plan.get(i).key(), i);
        }
        positions = at;
    }

    /**
     * The message as downloaded, or null when it has not been asked of the server yet: then {@link #batchFrom} says
     * which to download with it.
     *
     * @throws TenantdeskException the failure that broke off its batch, or {@code gone} when the server did not send
     *     it (another client deleted it meanwhile)
     */
    RawMessage take(Waiting message, TenantdeskException gone) {
        Path file = ready.remove(message.key());
        if (file != null) {
            return RawMessage.spooled(message.key(), file);
        }
        if (!asked.contains(message.key())) {
            return null;
        }
        throw failure != null ? failure : gone;
    }

    /**
     * The batch to download now: {@code first}, and after it the messages of the plan that follow it, up to the
     * batch's count and size. A message that is not in the plan is a batch of its own.
     */
    List<Waiting> batchFrom(Waiting first) {
        List<Waiting> batch = new ArrayList<>();
        batch.add(first);
        long bytes = size(first);
        Integer at = positions.get(first.key());
        if (at != null) {
            for (int i = at + 1; i < plan.size() && batch.size() < batchMessages; i++) {
                Waiting next = plan.get(i);
                if (asked.contains(next.key()) || bytes + size(next) > batchBytes) {
                    break;
                }
                batch.add(next);
                bytes += size(next);
            }
        }
        batch.forEach(w -> asked.add(w.key()));
        failure = null;
        return batch;
    }

    private long size(Waiting message) {
        return message.size() < 0 ? unknownSize : message.size();
    }

    /** A message of the batch has arrived whole, in this spool file. */
    void arrived(String key, Path file) {
        Path before = ready.put(key, file);
        if (before != null) {
            Spool.deleteQuietly(before); // sent twice: the later copy is as good
        }
    }

    /** The batch broke off: what has not arrived fails with this when asked for. */
    void failed(TenantdeskException e) {
        failure = e;
    }

    private void discard() {
        ready.values().forEach(Spool::deleteQuietly);
        ready.clear();
        asked.clear();
        failure = null;
    }

    @Override
    public void close() {
        discard();
    }
}
