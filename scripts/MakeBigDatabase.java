// Makes a big, realistic tenantdesk database for the query benchmark (scripts/bench, which runs the JMH benchmark
// src/test/java/no/tenantdesk/store/QueryBenchmark.java).
// Run: java -cp target/tenantdesk.jar scripts/MakeBigDatabase.java DB [--inquiries N] [--comments N] [--seed N]
// (defaults: 1,000,000 inquiries, 3 comments per inquiry on average, seed 42; the same seed makes the same file).
//
// The file is created through Database.open, so it has exactly the app's schema (every migration, indexes and the
// full-text triggers included). Rows then go in with plain JDBC batches in big transactions, the triggers filling
// the search index as the app's own writes would. While loading, the journal is off and nothing is synced (a crash
// leaves a file to throw away, nothing else); the file is switched back to WAL at the end. No ANALYZE: a user's file
// has no statistics either, so the query plans measured are the ones users get.
//
// What is in it (seeded, so every run makes the same file):
//   ~2,000 locations: 20 buildings, each with 6 floors of 15 rooms and a few shared areas;
//   20,000 contacts: 19,700 tenants (each at a room), 200 staff, 100 contractors;
//   inquiries over five years up to yesterday, most done, the open ones mostly recent; priorities mostly normal;
//   Norwegian titles and descriptions (about 1 in 20 about a leak, "lekkasje"; "kakerlakk" in about 1 in 40,000);
//   0 to 8 comments each (3 on average) and one inquiry with 400 comments; a task for about 1 in 10;
//   events: created, assigned, status changes.
// Prints what it made, how long it took and the file size.

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import no.tenantdesk.store.Database;

public class MakeBigDatabase {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static final int BUILDINGS = 20;
    static final int FLOORS = 6;
    static final int ROOMS = 15;
    static final String[] SHARED = {"Kjeller", "Garasje", "Fellesareal"};
    static final int STAFF = 200;
    static final int CONTRACTORS = 100;
    static final int CONTACTS = 20_000;
    /** The inquiry `inquiry show` is measured on: a long story. */
    static final int LONG_STORY_COMMENTS = 400;

    static final String[] FIRST = {"Kari", "Ola", "Ingrid", "Lars", "Sofie", "Henrik", "Nora", "Magnus", "Emma",
        "Jonas", "Sara", "Erik", "Ida", "Anders", "Marte", "Kristian", "Hanne", "Bjørn", "Silje", "Øystein", "Åse",
        "Tor", "Linnea", "Håkon", "Maja", "Sindre", "Thea", "Vegard", "Ragnhild", "Geir", "Solveig", "Espen",
        "Camilla", "Pål", "Live", "Jørgen", "Tuva", "Sigurd", "Frida", "Even"};
    static final String[] LAST = {"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
        "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
        "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen",
        "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen",
        "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde",
        "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Hauge",
        "Christensen", "Andresen", "Nielsen", "Knudsen", "Evensen", "Sæther", "Aas", "Myhre", "Hanssen", "Ahmed",
        "Haugland", "Thomassen", "Sivertsen", "Simonsen", "Danielsen", "Berntsen", "Sandvik", "Rønning", "Arnesen",
        "Antonsen", "Næss", "Vik", "Haug", "Ellingsen", "Thorsen", "Edvardsen", "Birkeland", "Isaksen", "Gulbrandsen",
        "Ruud", "Aasen", "Strøm", "Myklebust", "Tangen", "Ødegård", "Eliassen", "Helland", "Bøe", "Jenssen", "Aune",
        "Mikkelsen", "Tveit", "Brekke", "Abrahamsen", "Madsen"};
    static final String[] COMPANIES = {"Rørlegger", "Elektro", "Låsservice", "Ventilasjon", "Heisservice",
        "Maler", "Snekker", "Glassmester", "Skadedyrkontroll", "Renhold"};

    /** A kind of problem: titles, description sentences and what staff say about it. "lekkasje" only in LEAKS. */
    record Topic(String[] titles, String[] details) {}

    static final Topic[] LEAKS = {
        new Topic(new String[] {"Lekkasje fra taket", "Lekkasje i taket over %s", "Vannlekkasje i %s"},
                new String[] {"Det drypper vann fra taket når det regner.", "Det er en brun flekk i himlingen som "
                        + "blir større.", "Vi har satt ut en bøtte, men den fylles fort."}),
        new Topic(new String[] {"Lekkasje under vasken", "Lekkasje fra rør på kjøkkenet", "Rørlekkasje i %s"},
                new String[] {"Det står vann i skapet under vasken.", "Røret lekker ved koblingen.",
                    "Gulvet ved oppvaskmaskinen er vått."}),
        new Topic(new String[] {"Lekkasje i kjelleren", "Vann på gulvet i kjelleren", "Lekkasje ved sluk"},
                new String[] {"Det har kommet vann inn i kjellerboden.", "Sluket renner over når det regner mye.",
                    "Det lukter fuktig og mugg i kjelleren."}),
    };
    static final Topic[] OTHERS = {
        new Topic(new String[] {"Ødelagt lås på døren", "Låsen til %s henger seg opp", "Nøkkelen går ikke rundt"},
                new String[] {"Låsen er stram og nøkkelen sitter fast.", "Døren går ikke i lås.",
                    "Sylinderen ser skadet ut."}),
        new Topic(new String[] {"Kaldt på kontoret", "Radiatoren er kald", "For lav temperatur i %s"},
                new String[] {"Det er under 18 grader om morgenen.", "Radiatoren blir ikke varm selv på fullt.",
                    "Termostaten ser ikke ut til å virke."}),
        new Topic(new String[] {"Lyspære gått", "Lyset virker ikke i %s", "Taklampe blinker"},
                new String[] {"Taklampen har sluttet å virke.", "Lysrøret blinker hele dagen.",
                    "Sikringen går når vi slår på lyset."}),
        new Topic(new String[] {"Heisen står", "Heisen stopper mellom etasjene", "Heisdøren lukker seg ikke"},
                new String[] {"Heisen har stått siden i går.", "Det lager en skrapende lyd i heissjakten.",
                    "Heisen stopper ikke i riktig høyde."}),
        new Topic(new String[] {"Støy fra ventilasjon", "Dårlig luft i %s", "Ventilasjonen ulyder"},
                new String[] {"Det suser høyt fra ventilen i taket.", "Luften er tung etter lunsj.",
                    "Aggregatet durer hele natten."}),
        new Topic(new String[] {"Mangler nøkkelkort", "Nøkkelkortet virker ikke", "Trenger nytt adgangskort"},
                new String[] {"Kortleseren blinker rødt.", "Ny ansatt trenger adgang fra mandag.",
                    "Kortet er mistet og må sperres."}),
        new Topic(new String[] {"Tett avløp", "Toalettet er tett", "Vasken renner sakte i %s"},
                new String[] {"Vannet renner veldig sakte ut.", "Det lukter vondt fra avløpet.",
                    "Vi har prøvd plunger uten hell."}),
        new Topic(new String[] {"Knust vindu", "Sprekk i vinduet i %s", "Vinduet lar seg ikke lukke"},
                new String[] {"Det er en sprekk tvers over ruten.", "Hasp på vinduet er brukket.",
                    "Det trekker kraftig fra vinduet."}),
        new Topic(new String[] {"Søppelrommet er fullt", "Avfallsdunkene er ikke tømt", "Lukt fra søppelrommet"},
                new String[] {"Dunkene har ikke vært tømt på to uker.", "Det ligger søppel utenfor containeren.",
                    "Det lukter vondt i bakgården."}),
        new Topic(new String[] {"Brannalarmen piper", "Røykvarsler må byttes", "Falsk brannalarm"},
                new String[] {"Røykvarsleren piper hvert minutt.", "Alarmen gikk uten grunn i morges.",
                    "Batteriet bør byttes."}),
        new Topic(new String[] {"Parkering", "Fremmed bil på vår plass", "Bommen til garasjen virker ikke"},
                new String[] {"Det står en bil på plassen vår hver dag.", "Garasjeporten åpner seg ikke.",
                    "Fjernkontrollen til porten virker ikke."}),
        new Topic(new String[] {"Snø og is ved inngangen", "Glatt på trappen", "Snømåking mangler"},
                new String[] {"Det er veldig glatt foran hovedinngangen.", "Trappen er ikke strødd.",
                    "Snøen er ikke måkt i bakgården."}),
        new Topic(new String[] {"Renhold i fellesarealene", "Trappeoppgangen er skitten", "Vask av %s"},
                new String[] {"Det er ikke vasket i oppgangen på lenge.", "Gulvet i %s er klissete.",
                    "Søppelbøttene på toalettet er ikke tømt."}),
        new Topic(new String[] {"Spørsmål om husleie", "Faktura for felleskostnader", "Endring i leieavtalen"},
                new String[] {"Fakturaen ser høyere ut enn vanlig.", "Vi ønsker å utvide leieavtalen med et "
                        + "kontor.", "Når kommer årsoppgjøret for felleskostnader?"}),
        new Topic(new String[] {"Maling og flikking", "Skade på veggen i %s", "Ønsker maling av kontoret"},
                new String[] {"Det er merker etter møbler på veggen.", "Tapeten har løsnet i hjørnet.",
                    "Vi vil gjerne male i en lysere farge."}),
        new Topic(new String[] {"Strømbrudd", "Sikringen går i %s", "Stikkontakt uten strøm"},
                new String[] {"Halve etasjen mistet strømmen i morges.", "Stikkontakten ved vinduet er død.",
                    "Sikringen går når vi bruker kaffemaskinen."}),
    };
    static final String[] OPENINGS = {"Hei!", "Hei,", "God morgen.", "Hei igjen.", "Til driftsavdelingen:", ""};
    static final String[] CLOSINGS = {"Takk for hjelpen.", "Kan noen se på dette snart?", "Det haster litt.",
        "Vi er på kontoret hele dagen.", "Ring meg gjerne.", "Mvh", ""};
    static final String[] STAFF_SAYS = {"Takk for beskjed, vi ser på saken.", "Vaktmester kommer innom i morgen "
            + "formiddag.", "Tekniker er bestilt.", "Deler er bestilt, ventes neste uke.", "Utført, meld fra om "
            + "problemet kommer tilbake.", "Har vært på befaring, må hente inn en håndverker.", "Avtalt tid med "
            + "leietaker på telefon.", "Leverandøren har fått saken.", "Sjekket i dag, alt ser normalt ut nå.",
        "Venter på tilbakemelding fra leietaker.", "Saken er overført til eiendomssjefen.",
        "Fakturert leietaker etter avtale."};
    static final String[] LEAK_STAFF_SAYS = {"Rørlegger har tettet lekkasjen.", "Lekkasjen er stoppet, taket må "
            + "tørke før maling.", "Fuktmåling tatt, ingen ny lekkasje.", "Forsikringsselskapet er varslet om "
            + "vannskaden."};
    static final String[] TENANT_SAYS = {"Takk, det virker nå.", "Problemet er dessverre tilbake.", "Når kommer "
            + "det noen?", "Vi er ikke på kontoret fredag.", "Nøkkel ligger i resepsjonen.", "Det ble verre i natt.",
        "Supert, takk for rask hjelp!", "Kan dere gi beskjed før dere kommer?"};
    static final String RARE = "kakerlakk";
    static final String[] PRIORITIES = {"low", "low", "low", "normal", "normal", "normal", "normal", "normal",
        "normal", "normal", "normal", "normal", "high", "high", "high", "high", "high", "urgent", "urgent", "low"};
    static final String[] SOURCES = {"email", "email", "email", "email", "phone", "phone", "walk-in", "other"};

    public static void main(String... args) throws Exception {
        Path file = null;
        int inquiries = 1_000_000;
        long comments = -1;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inquiries" -> inquiries = Integer.parseInt(args[++i]);
                case "--comments" -> comments = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    if (args[i].startsWith("-") || file != null) {
                        usage();
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null || inquiries < 1) {
            usage();
        }
        if (comments < 0) {
            comments = 3L * inquiries;
        }
        if (Files.exists(file)) {
            System.err.println("MakeBigDatabase: " + file + " exists; remove it first");
            System.exit(2);
        }
        long started = System.nanoTime();
        Database.open(file, Duration.ofSeconds(10)); // the app's own migrations make the schema
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -2000000"); // 2 GB: the indexes being built stay in memory
                s.execute("PRAGMA temp_store = MEMORY");
            }
            c.setAutoCommit(false);
            Counts counts = new MakeBigDatabase(c, new SplittableRandom(seed), inquiries, comments).fill();
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "made %s: %,d inquiries, %,d comments, %,d tasks, %,d events, %,d contacts,"
                            + " %,d locations in %.1f s, %,d bytes%n", file, counts.inquiries, counts.comments,
                    counts.tasks, counts.events, counts.contacts, counts.locations, seconds, Files.size(file));
        }
    }

    private static void usage() {
        System.err.println("usage: java -cp target/tenantdesk.jar scripts/MakeBigDatabase.java DB"
                + " [--inquiries N] [--comments N] [--seed N]");
        System.exit(2);
    }

    static final class Counts {
        long inquiries, comments, tasks, events, contacts, locations;
    }

    private final Connection c;
    private final SplittableRandom random;
    private final int inquiryCount;
    private final long commentTarget;
    private final Counts counts = new Counts();
    private final List<Long> rooms = new ArrayList<>();
    private final List<String> roomNames = new ArrayList<>();
    private final List<String> contactNames = new ArrayList<>();
    private final Instant first;
    private final Instant last;

    MakeBigDatabase(Connection c, SplittableRandom random, int inquiries, long comments) {
        this.c = c;
        this.random = random;
        this.inquiryCount = inquiries;
        this.commentTarget = comments;
        this.last = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.first = last.minus(Duration.ofDays(5 * 365));
    }

    Counts fill() throws SQLException {
        locations();
        contacts();
        inquiries();
        return counts;
    }

    private void locations() throws SQLException {
        String at = TIME.format(first.minus(Duration.ofDays(30)));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO location (id, parent_id, path, path_key, "
                + "responsible_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            long id = 0;
            for (int b = 0; b < BUILDINGS; b++) {
                String building = "Bygg " + (char) ('A' + b);
                long buildingId = ++id;
                // The building's caretaker: a staff member (ids 1..STAFF, made just after).
                location(insert, buildingId, null, building, 1 + b, at);
                for (String shared : SHARED) {
                    location(insert, ++id, buildingId, building + "/" + shared, null, at);
                }
                for (int f = 1; f <= FLOORS; f++) {
                    String floor = building + "/" + f + ". etasje";
                    long floorId = ++id;
                    location(insert, floorId, buildingId, floor, null, at);
                    for (int r = 1; r <= ROOMS; r++) {
                        String room = floor + "/Kontor " + f + String.format("%02d", r);
                        location(insert, ++id, floorId, room, null, at);
                        rooms.add(id);
                        roomNames.add(room.substring(room.lastIndexOf('/') + 1));
                    }
                }
            }
            insert.executeBatch();
            counts.locations = id;
        }
    }

    private void location(PreparedStatement insert, long id, Long parent, String path, Integer responsible,
            String at) throws SQLException {
        insert.setLong(1, id);
        setLong(insert, 2, parent);
        insert.setString(3, path);
        insert.setString(4, path.toLowerCase(Locale.ROOT));
        setLong(insert, 5, responsible == null ? null : responsible.longValue());
        insert.setString(6, at);
        insert.addBatch();
    }

    /** Ids 1..STAFF staff, then contractors, then tenants; e-mail addresses are unique, names need not be. */
    private void contacts() throws SQLException {
        String at = TIME.format(first.minus(Duration.ofDays(30)));
        contactNames.add(null); // ids start at 1
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO contact (id, name, name_key, email, "
                + "email_key, phone, role, location_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= CONTACTS; id++) {
                String role = id <= STAFF ? "staff" : id <= STAFF + CONTRACTORS ? "contractor" : "tenant";
                String name;
                String email;
                if (role.equals("contractor")) {
                    String company = COMPANIES[id % COMPANIES.length];
                    name = company + " " + LAST[id % LAST.length] + " AS";
                    email = "post" + id + "@" + ascii(company) + ".example.no";
                } else {
                    String firstName = FIRST[random.nextInt(FIRST.length)];
                    String lastName = LAST[random.nextInt(LAST.length)];
                    name = firstName + " " + lastName;
                    email = ascii(firstName) + "." + ascii(lastName) + "." + id
                            + (role.equals("staff") ? "@drift.example.no" : "@leietaker.example.no");
                }
                contactNames.add(name);
                insert.setLong(1, id);
                insert.setString(2, name);
                insert.setString(3, name.toLowerCase(Locale.ROOT));
                insert.setString(4, email);
                insert.setString(5, email.toLowerCase(Locale.ROOT));
                insert.setString(6, "+47 9" + String.format("%07d", id));
                insert.setString(7, role);
                setLong(insert, 8, role.equals("tenant") ? rooms.get(id % rooms.size()) : null);
                insert.setString(9, at);
                insert.addBatch();
            }
            insert.executeBatch();
            counts.contacts = CONTACTS;
        }
    }

    private static String ascii(String text) {
        return text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
    }

    private void inquiries() throws SQLException {
        try (PreparedStatement inquiry = c.prepareStatement("INSERT INTO inquiry (id, title, description, status, "
                + "priority, source, requester_id, location_id, assignee_id, created_at, updated_at, closed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement comment = c.prepareStatement("INSERT INTO comment (id, inquiry_id, kind, author, "
                        + "body, created_at) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement task = c.prepareStatement("INSERT INTO task (id, inquiry_id, kind, title, "
                        + "description, status, priority, assignee_id, due, completion_note, created_by, created_at, "
                        + "updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement event = c.prepareStatement("INSERT INTO event (inquiry_id, task_id, actor, field, "
                        + "old_value, new_value, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            long span = Duration.between(first, last).toMillis();
            int longStory = Math.max(1, inquiryCount / 2);
            long commentsLeft = commentTarget;
            long commentId = 0;
            long taskId = 0;
            for (int id = 1; id <= inquiryCount; id++) {
                double age = 1.0 - (double) id / inquiryCount; // 0 for the newest
                Instant created = first.plusMillis((long) ((double) id / inquiryCount * span));
                boolean open = random.nextDouble() < (age < 0.02 ? 0.6 : age < 0.05 ? 0.1 : 0.003);
                String status = open ? (random.nextInt(3) == 0 ? "in-progress" : "todo") : "done";
                String priority = PRIORITIES[random.nextInt(PRIORITIES.length)];
                long requester = STAFF + CONTRACTORS + 1
                        + (long) (Math.pow(random.nextDouble(), 1.5) * (CONTACTS - STAFF - CONTRACTORS));
                long room = rooms.get((int) (requester % rooms.size()));
                long location = random.nextInt(10) == 0 ? 1 + random.nextInt((int) counts.locations) : room;
                // Staff by building, a few of them busier; open inquiries are more often unassigned.
                Long assignee = random.nextInt(open ? 4 : 12) == 0 ? null
                        : (long) (1 + (random.nextInt(4) == 0 ? random.nextInt(20) : random.nextInt(STAFF)));
                boolean leak = random.nextInt(20) == 0;
                Topic topic = leak ? LEAKS[random.nextInt(LEAKS.length)] : OTHERS[random.nextInt(OTHERS.length)];
                String roomName = roomNames.get((int) (requester % roomNames.size()));
                String title = String.format(pick(topic.titles), roomName);
                StringBuilder description = new StringBuilder(pick(OPENINGS));
                int sentences = 1 + random.nextInt(3);
                for (int s = 0; s < sentences; s++) {
                    description.append(description.length() == 0 ? "" : " ")
                            .append(String.format(pick(topic.details), roomName));
                }
                if (random.nextInt(40_000) == 0) {
                    description.append(" Vi har sett en ").append(RARE).append(" ved kaffemaskinen.");
                }
                String closing = pick(CLOSINGS);
                description.append(closing.isEmpty() ? "" : " " + closing).append(' ')
                        .append(contactNames.get((int) requester));
                Instant updated = created.plusSeconds(600 + random.nextInt(open ? 86_400 : 14 * 86_400));
                if (updated.isAfter(last)) {
                    updated = last;
                }
                inquiry.setLong(1, id);
                inquiry.setString(2, title);
                inquiry.setString(3, description.toString().strip());
                inquiry.setString(4, status);
                inquiry.setString(5, priority);
                String source = pick(SOURCES);
                inquiry.setString(6, source);
                inquiry.setLong(7, requester);
                inquiry.setLong(8, location);
                setLong(inquiry, 9, assignee);
                inquiry.setString(10, TIME.format(created));
                inquiry.setString(11, TIME.format(updated));
                inquiry.setString(12, open ? null : TIME.format(updated));
                inquiry.addBatch();
                counts.inquiries++;

                String staffName = assignee == null ? "drift" : contactNames.get(assignee.intValue());
                event(event, id, null, "drift", "created", null, source, created);
                if (assignee != null) {
                    event(event, id, null, staffName, "assignee", null, staffName, created.plusSeconds(300));
                }
                if (!status.equals("todo")) {
                    event(event, id, null, staffName, "status", "todo", "in-progress", created.plusSeconds(400));
                }
                if (status.equals("done")) {
                    event(event, id, null, staffName, "status", "in-progress", "done", updated);
                }

                // 0..8 comments, 3 on average over the whole file (whatever --comments asks), in time order.
                long remaining = inquiryCount - id + 1;
                int n = id == longStory ? LONG_STORY_COMMENTS
                        : (int) Math.min(commentsLeft, Math.round(random.nextDouble() * 2 * commentsLeft / remaining));
                long between = Math.max(1, Duration.between(created, updated).toMillis() / (n + 1));
                for (int k = 0; k < n; k++) {
                    Instant at = created.plusMillis(between * (k + 1));
                    String kind;
                    String author;
                    String body;
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            kind = "incoming";
                            author = contactNames.get((int) requester);
                            body = pick(TENANT_SAYS);
                        }
                        case 1 -> {
                            kind = "reply";
                            author = staffName;
                            body = pick(STAFF_SAYS);
                        }
                        case 2 -> {
                            kind = "internal";
                            author = staffName;
                            body = leak && random.nextBoolean() ? pick(LEAK_STAFF_SAYS) : pick(STAFF_SAYS);
                        }
                        default -> {
                            kind = "system";
                            author = "tenantdesk";
                            body = "Status endret til " + (k == n - 1 && !open ? "done" : "in-progress") + ".";
                        }
                    }
                    comment.setLong(1, ++commentId);
                    comment.setLong(2, id);
                    comment.setString(3, kind);
                    comment.setString(4, author);
                    comment.setString(5, body);
                    comment.setString(6, TIME.format(at));
                    comment.addBatch();
                    if (id == longStory) {
                        event(event, id, null, author, "priority", "normal", k % 2 == 0 ? "high" : "normal", at);
                    }
                }
                commentsLeft = Math.max(0, commentsLeft - n);
                counts.comments += n;

                if (random.nextInt(10) == 0 || id == longStory) {
                    long contractor = STAFF + 1 + random.nextInt(CONTRACTORS);
                    boolean toContractor = random.nextBoolean();
                    // Unassigned: the building's caretaker, as task create does (the location's responsible).
                    long caretaker = 1 + (location - 1) / (1 + SHARED.length + FLOORS * (1 + ROOMS));
                    long taskAssignee = toContractor ? contractor : assignee == null ? caretaker : assignee;
                    boolean taskDone = !open || random.nextBoolean();
                    task.setLong(1, ++taskId);
                    task.setLong(2, id);
                    task.setString(3, random.nextInt(8) == 0 ? "deviation" : "task");
                    task.setString(4, (toContractor ? "Bestilling: " : "Sjekk: ") + title);
                    task.setString(5, pick(topic.details).formatted(roomName));
                    task.setString(6, taskDone ? "done" : "todo");
                    task.setString(7, priority);
                    task.setLong(8, taskAssignee);
                    task.setString(9, created.plusSeconds(7 * 86_400).toString().substring(0, 10));
                    task.setString(10, taskDone ? pick(leak ? LEAK_STAFF_SAYS : STAFF_SAYS) : null);
                    task.setString(11, staffName);
                    task.setString(12, TIME.format(created.plusSeconds(500)));
                    task.setString(13, TIME.format(updated));
                    task.setString(14, taskDone ? TIME.format(updated) : null);
                    task.addBatch();
                    counts.tasks++;
                    event(event, id, taskId, staffName, "task", null, "created", created.plusSeconds(500));
                }

                if (id % 5_000 == 0 || id == inquiryCount) {
                    inquiry.executeBatch();
                    comment.executeBatch();
                    task.executeBatch();
                    event.executeBatch();
                }
                if (id % 100_000 == 0) {
                    c.commit();
                    System.err.printf(Locale.ROOT, "  %,d inquiries%n", id);
                }
            }
        }
    }

    private void event(PreparedStatement insert, long inquiry, Long task, String actor, String field, String from,
            String to, Instant at) throws SQLException {
        insert.setLong(1, inquiry);
        setLong(insert, 2, task);
        insert.setString(3, actor);
        insert.setString(4, field);
        insert.setString(5, from);
        insert.setString(6, to);
        insert.setString(7, TIME.format(at));
        insert.addBatch();
        counts.events++;
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}
