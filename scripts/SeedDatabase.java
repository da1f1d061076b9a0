// Fills a tenantdesk database with N inquiries, with contacts, locations and comments, for benchmarks.
// Run: java -cp target/tenantdesk.jar scripts/SeedDatabase.java DB N
// Opens the file through Database.open (so the migrations run), then writes with plain JDBC batches in one
// transaction: a JVM per row would take hours.

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import no.tenantdesk.store.Database;

public class SeedDatabase {

    /** The store's own format: fixed-width ISO-8601 UTC with milliseconds. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String[] STATUSES = {"todo", "in-progress", "done"};
    private static final String[] PRIORITIES = {"low", "normal", "normal", "high", "urgent"};
    private static final String[] SOURCES = {"phone", "email", "walk-in", "other"};
    private static final String[] TOPICS = {"Lekkasje fra taket", "Ødelagt lås", "Kaldt på kontoret",
        "Lyspære gått", "Heisen står", "Vannskade i kjelleren", "Støy fra ventilasjon", "Mangler nøkkelkort"};

    public static void main(String... args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: java -cp target/tenantdesk.jar scripts/SeedDatabase.java DB N");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int inquiries = Integer.parseInt(args[1]);
        Database.open(file, Duration.ofSeconds(10));

        Random random = new Random(42);
        Instant start = Instant.parse("2024-01-01T08:00:00Z");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            connection.setAutoCommit(false);
            int buildings = 5;
            int floors = 4;
            int rooms = 10;
            long locations = seedLocations(connection, buildings, floors, rooms, start);
            int tenants = Math.max(1, inquiries / 10);
            int staff = 20;
            seedContacts(connection, tenants, staff, locations, start);
            seedInquiries(connection, inquiries, tenants, staff, locations, start, random);
            int comments = seedComments(connection, inquiries, start, random);
            connection.commit();
            System.out.println("seeded " + inquiries + " inquiries, " + comments + " comments, "
                    + (tenants + staff) + " contacts, " + locations + " locations");
        }
    }

    /** Buildings, their floors and rooms; leaves (rooms) take ids after every building and floor. */
    private static long seedLocations(Connection c, int buildings, int floors, int rooms, Instant at)
            throws SQLException {
        long id = 0;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO location (id, parent_id, path, path_key, responsible_id, created_at) "
                        + "VALUES (?, ?, ?, ?, NULL, ?)")) {
            for (int b = 1; b <= buildings; b++) {
                String building = "Bygg " + (char) ('A' + b - 1);
                long buildingId = ++id;
                add(insert, buildingId, null, building, at);
                for (int f = 1; f <= floors; f++) {
                    String floor = building + "/" + f + ". etasje";
                    long floorId = ++id;
                    add(insert, floorId, buildingId, floor, at);
                    for (int r = 1; r <= rooms; r++) {
                        add(insert, ++id, floorId, floor + "/Kontor " + f + String.format("%02d", r), at);
                    }
                }
            }
            insert.executeBatch();
        }
        return id;
    }

    private static void add(PreparedStatement insert, long id, Long parent, String path, Instant at)
            throws SQLException {
        insert.setLong(1, id);
        if (parent == null) {
            insert.setNull(2, Types.INTEGER);
        } else {
            insert.setLong(2, parent);
        }
        insert.setString(3, path);
        insert.setString(4, path.toLowerCase());
        insert.setString(5, TIME.format(at));
        insert.addBatch();
    }

    /** Contacts 1..staff are staff, the rest tenants, each at a location. */
    private static void seedContacts(Connection c, int tenants, int staff, long locations, Instant at)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO contact (id, name, name_key, email, email_key, phone, role, location_id, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= staff + tenants; i++) {
                boolean isStaff = i <= staff;
                String name = (isStaff ? "Drift " : "Leietaker ") + i;
                String email = (isStaff ? "drift" : "leietaker") + i + "@example.no";
                insert.setLong(1, i);
                insert.setString(2, name);
                insert.setString(3, name.toLowerCase());
                insert.setString(4, email);
                insert.setString(5, email);
                insert.setString(6, "+47 9" + String.format("%07d", i));
                insert.setString(7, isStaff ? "staff" : "tenant");
                insert.setLong(8, 1 + (i % locations));
                insert.setString(9, TIME.format(at));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void seedInquiries(Connection c, int count, int tenants, int staff, long locations, Instant start,
            Random random) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO inquiry (id, title, description, status, priority, source, requester_id, location_id, "
                        + "assignee_id, created_at, updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= count; i++) {
                String status = STATUSES[random.nextInt(STATUSES.length)];
                Instant created = start.plusSeconds(i * 600L);
                Instant updated = created.plusSeconds(random.nextInt(86_400));
                insert.setLong(1, i);
                insert.setString(2, TOPICS[random.nextInt(TOPICS.length)] + " (" + i + ")");
                insert.setString(3, "Beskrivelse av henvendelse " + i + ". ".repeat(1 + random.nextInt(5)));
                insert.setString(4, status);
                insert.setString(5, PRIORITIES[random.nextInt(PRIORITIES.length)]);
                insert.setString(6, SOURCES[random.nextInt(SOURCES.length)]);
                insert.setLong(7, staff + 1 + random.nextInt(tenants));
                insert.setLong(8, 1 + random.nextInt((int) locations));
                if (random.nextInt(3) == 0) {
                    insert.setNull(9, Types.INTEGER);
                } else {
                    insert.setLong(9, 1 + random.nextInt(staff));
                }
                insert.setString(10, TIME.format(created));
                insert.setString(11, TIME.format(updated));
                insert.setString(12, status.equals("done") ? TIME.format(updated) : null);
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** About one comment for every other inquiry. */
    private static int seedComments(Connection c, int inquiries, Instant start, Random random) throws SQLException {
        int count = 0;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO comment (inquiry_id, kind, author, body, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= inquiries; i++) {
                if (random.nextBoolean()) {
                    insert.setLong(1, i);
                    insert.setString(2, random.nextBoolean() ? "internal" : "incoming");
                    insert.setString(3, "operator");
                    insert.setString(4, "Kommentar til henvendelse " + i);
                    insert.setString(5, TIME.format(start.plusSeconds(i * 600L + 60)));
                    insert.addBatch();
                    count++;
                }
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return count;
    }
}
