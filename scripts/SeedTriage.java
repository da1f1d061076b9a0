// Fills a tenantdesk database with what triage reads on every fetch-mail run, at a large property manager's size:
// 1,000 places (10 buildings, 9 floors, 10 offices each) with 180 aliases, 500 organizations with a domain and a
// premises each (the first 15 with the domains scripts/MakeMaildir.java sends from), and a staff member the rules
// name. Prints the config's rules: 50, of every kind of condition, for a yaml file.
// Run: java -cp target/tenantdesk.jar scripts/SeedTriage.java DB > rules.yaml

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import no.tenantdesk.store.Database;

public class SeedTriage {

    private static final String AT = "2026-01-01T08:00:00.000Z";
    /** scripts/MakeMaildir.java's senders' domains (NAME.example). */
    private static final String[] COMPANIES = {"regnskapshuset", "hansenberg", "saether-arkitekter",
        "nordlysdesign", "fjordconsult", "dahlrevisjon", "kvamco", "tindtech", "havbris", "fjellgrafisk",
        "byradgivning", "elvestrand-advokat", "polarlys-it", "brygga-media", "granli-eiendom"};
    private static final String[] WORDS = {"lekkasje", "vannskade", "heis", "brannalarm", "støy", "ventilasjon",
        "adgangskort", "lås", "vindu", "renhold", "søppel", "parkering", "lys", "varme", "kaldt", "trekk",
        "persienne", "sykkel", "kaffemaskin", "vask"};

    public static void main(String... args) throws SQLException {
        if (args.length != 1) {
            System.err.println("usage: java -cp target/tenantdesk.jar scripts/SeedTriage.java DB > rules.yaml");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Database.open(file, Duration.ofSeconds(10)).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (PreparedStatement location = c.prepareStatement("INSERT INTO location (id, parent_id, path, path_key,"
                    + " responsible_id, created_at) VALUES (?, ?, ?, ?, NULL, '" + AT + "')");
                    PreparedStatement alias = c.prepareStatement(
                            "INSERT INTO location_alias (location_id, alias, alias_key) VALUES (?, ?, ?)")) {
                long id = 0;
                for (int b = 0; b < 10; b++) {
                    String building = "Bygg " + (char) ('A' + b);
                    long buildingId = ++id;
                    add(location, buildingId, null, building);
                    for (int f = 1; f <= 9; f++) {
                        String floor = building + "/" + f + ". etasje";
                        long floorId = ++id;
                        add(location, floorId, buildingId, floor);
                        for (int r = 1; r <= 10; r++) {
                            long room = ++id;
                            add(location, room, floorId, floor + "/Kontor " + f + String.format("%02d", r));
                            if (r % 5 == 0) { // 2 of 10 offices are also shops with a number of their own
                                String name = "Butikk " + (char) ('A' + b) + f + r;
                                alias.setLong(1, room);
                                alias.setString(2, name);
                                alias.setString(3, name.toLowerCase());
                                alias.addBatch();
                            }
                        }
                    }
                }
                location.executeBatch();
                alias.executeBatch();
            }
            try (PreparedStatement org = c.prepareStatement("INSERT INTO organization (id, name, name_key, created_at)"
                    + " VALUES (?, ?, ?, '" + AT + "')");
                    PreparedStatement domain = c.prepareStatement(
                            "INSERT INTO organization_domain (domain, organization_id) VALUES (?, ?)");
                    PreparedStatement premises = c.prepareStatement(
                            "INSERT INTO organization_location (organization_id, location_id) VALUES (?, ?)")) {
                for (int o = 1; o <= 500; o++) {
                    String name = o <= COMPANIES.length ? COMPANIES[o - 1] + " AS" : "Leietaker " + o + " AS";
                    org.setLong(1, o);
                    org.setString(2, name);
                    org.setString(3, name.toLowerCase());
                    org.addBatch();
                    domain.setString(1, o <= COMPANIES.length ? COMPANIES[o - 1] + ".example" : "leietaker" + o
                            + ".example");
                    domain.setLong(2, o);
                    domain.addBatch();
                    premises.setLong(1, o);
                    premises.setLong(2, 2 + (o * 7L) % 999); // a floor or an office
                    premises.addBatch();
                }
                org.executeBatch();
                domain.executeBatch();
                premises.executeBatch();
            }
            try (PreparedStatement staff = c.prepareStatement("INSERT INTO contact (name, name_key, email, email_key,"
                    + " role, created_at) VALUES ('Per Vaktmester', 'per vaktmester', 'per@eiendom.example',"
                    + " 'per@eiendom.example', 'staff', '" + AT + "')")) {
                staff.executeUpdate();
            }
            c.commit();
        }
        StringBuilder rules = new StringBuilder("rules:\n");
        for (int i = 0; i < 50; i++) {
            String word = WORDS[i % WORDS.length];
            rules.append("  - name: regel ").append(i + 1).append('\n');
            switch (i % 5) {
                case 0 -> rules.append("    when: {subject: \"").append(word).append("|").append(WORDS[(i + 7) % 20])
                        .append("\"}\n    set: {priority: high}\n");
                case 1 -> rules.append("    when: {body: \"\\\\b").append(word).append("\\\\w*\"}\n")
                        .append("    set: {assignee: \"Per Vaktmester\"}\n");
                case 2 -> rules.append("    when: {from: \"alarm").append(i).append("@.*\\\\.example\"}\n")
                        .append("    set: {priority: urgent, thread-by-subject: true}\n");
                case 3 -> rules.append("    when: {domain: \"leietaker").append(100 + i).append("\\\\.example\"}\n")
                        .append("    set: {location: \"Bygg C/2. etasje\"}\n");
                default -> rules.append("    when: {organization: \"Leietaker ").append(200 + i)
                        .append(" AS\", subject: \"").append(word).append("\"}\n")
                        .append("    task: {title: \"Sjekk ").append(word).append("\"}\n");
            }
        }
        System.out.print(rules);
    }

    private static void add(PreparedStatement insert, long id, Long parent, String path) throws SQLException {
        insert.setLong(1, id);
        if (parent == null) {
            insert.setNull(2, java.sql.Types.BIGINT);
        } else {
            insert.setLong(2, parent);
        }
        insert.setString(3, path);
        insert.setString(4, path.toLowerCase());
        insert.addBatch();
    }
}
