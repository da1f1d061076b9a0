package no.tenantdesk.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.NotFoundException;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.LocationMapper;
import no.tenantdesk.store.LocationRow;
import no.tenantdesk.store.TaskMapper;
import no.tenantdesk.store.TaskRow;
import no.tenantdesk.store.Tx;

/**
 * Finds what a user named, inside the current transaction. WHO is a contact id, an e-mail address or a name that
 * matches one contact; a location is a path, or the tail of one path ("Kontor 204"). Ambiguity is an error that
 * names the candidates, never a guess.
 */
final class Lookup {

    private final Tx tx;

    Lookup(Tx tx) {
        this.tx = tx;
    }

    InquiryRow inquiry(long id) {
        InquiryRow row = tx.mapper(InquiryMapper.class).byId(id);
        if (row == null) {
            throw NotFoundException.of("inquiry", id);
        }
        return row;
    }

    /**
     * The inquiry, taken for a change: a status move or a field's update that another writer makes at the same time
     * waits for this transaction, then reads what it wrote (InquiryMapper.lock). Read it this way before deciding a
     * change from what it holds, or two changes at once could both record the same "from".
     */
    InquiryRow inquiryForChange(long id) {
        if (tx.mapper(InquiryMapper.class).lock(id) == null) {
            throw NotFoundException.of("inquiry", id);
        }
        return inquiry(id);
    }

    /** The task, with its inquiry taken for a change (as {@link #inquiryForChange}). */
    TaskRow taskForChange(long id) {
        inquiryForChange(task(id).inquiryId());
        return task(id);
    }

    TaskRow task(long id) {
        TaskRow row = tx.mapper(TaskMapper.class).byId(id);
        if (row == null) {
            throw NotFoundException.of("task", id);
        }
        return row;
    }

    /** The one contact WHO names, or empty when none does; a WHO that fits several is an error naming them. */
    Optional<ContactRow> findContact(String who) {
        String wanted = who.strip();
        if (wanted.isEmpty()) {
            // An empty name is part of every name: it would pick the only contact there is.
            throw new InvalidInputException("a contact is named by its id, e-mail address or name, not '" + who + "'");
        }
        ContactMapper contacts = tx.mapper(ContactMapper.class);
        if (wanted.matches("#?\\d+")) {
            String digits = wanted.replace("#", "");
            // More digits than a long holds can name no contact; parsing them would crash.
            return Optional.ofNullable(digits.length() > 18 ? null : contacts.byId(Long.parseLong(digits)));
        }
        if (wanted.contains("@")) {
            return Optional.ofNullable(contacts.byEmailKey(Keys.email(wanted)));
        }
        String key = Keys.name(wanted);
        List<ContactRow> exact = contacts.byNamePattern(Keys.likeExact(key));
        List<ContactRow> candidates = exact.isEmpty() ? contacts.byNamePattern(Keys.likeContains(key)) : exact;
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        throw new InvalidInputException("'" + who + "' matches " + candidates.size() + " contacts: "
                + candidates.stream().limit(8).map(Lookup::describe).collect(Collectors.joining(", "))
                + (candidates.size() > 8 ? ", …" : "") + "; give an id or e-mail address");
    }

    /** The contact WHO names; naming none is the user's mistake (exit 2), with a hint. */
    ContactRow contact(String who) {
        return findContact(who).orElseThrow(() -> noSuchContact(who));
    }

    static InvalidInputException noSuchContact(String who) {
        String wanted = who.strip();
        if (wanted.matches("#?\\d+")) {
            return new InvalidInputException("no contact has id " + wanted);
        }
        if (wanted.contains("@")) {
            return new InvalidInputException(
                    "no contact has e-mail address " + wanted + " (add one with: tenantdesk contact add)");
        }
        return new InvalidInputException("no contact matches '" + who + "' (see: tenantdesk contact list)");
    }

    /** A contact that may be made responsible for work: staff or a contractor, never a tenant. */
    ContactRow assignable(String who) {
        ContactRow row = contact(who);
        if (!row.role().canBeAssigned()) {
            throw new InvalidInputException(
                    row.name() + " is a " + row.role().cli() + "; only staff and contractors can be assigned");
        }
        return row;
    }

    /**
     * The place a path names: the one with that whole path, else the one path that ends with it. Found in SQL, so
     * that a look-up reads the rows it needs, not every path of a building of thousands of rooms.
     */
    LocationRow location(String path) {
        LocationMapper locations = tx.mapper(LocationMapper.class);
        String key = Keys.path(Paths.normalize(path));
        LocationRow exact = locations.byKey(key);
        if (exact != null) {
            return exact;
        }
        List<LocationMapper.PathRow> tails = locations.byKeySuffix("/" + key);
        if (tails.size() == 1) {
            return locations.byId(tails.get(0).id());
        }
        if (tails.isEmpty()) {
            // The hint is a command to paste: a quote in the name is closed, escaped and opened again, as sh reads it.
            throw new InvalidInputException("unknown location '" + path + "' (add it with: tenantdesk location add '"
                    + Paths.normalize(path).replace("'", "'\\''") + "')");
        }
        throw new InvalidInputException("'" + path + "' matches " + tails.size() + " locations: "
                + tails.stream().map(r -> "'" + r.path() + "'").collect(Collectors.joining(", "))
                + "; give the whole path");
    }

    /** The location and every location below it, for filters that mean "in this building". */
    List<Long> subtree(LocationRow root) {
        return tx.mapper(LocationMapper.class).subtree(root.id());
    }

    private static String describe(ContactRow row) {
        return "#" + row.id() + " " + row.name() + (row.email() == null ? "" : " <" + row.email() + ">");
    }

    /** Keys that look-ups compare: lower-cased with the root locale, which folds æøå as SQL's lower() does not. */
    static final class Keys {

        private Keys() {}

        static String name(String name) {
            return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }

        static String email(String email) {
            return email.strip().toLowerCase(Locale.ROOT);
        }

        static String path(String path) {
            return path.toLowerCase(Locale.ROOT);
        }

        static String likeExact(String text) {
            return escapeLike(text);
        }

        static String likeContains(String text) {
            return "%" + escapeLike(text) + "%";
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
