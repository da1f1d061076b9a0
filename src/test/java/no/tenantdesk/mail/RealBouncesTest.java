package no.tenantdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Maildir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 115 real bounces of python3-flufl.bounce's test data (src/test/resources/mail/bounces, see its README), from
 * many mail servers, imported with receipts on: none may become an inquiry or earn its sender a receipt, except the
 * one person's reply among them.
 */
class RealBouncesTest {

    /** flufl.bounce keeps these as mail that no detector may take for a bounce; so do we. */
    private static final String PERSONS_REPLY = "groupwise_03.txt";
    private static final String AUTO_REPLY = "qmail_08.txt";
    /** From "Jetmail System" &lt;&gt; with Precedence: bulk, its sender read from another header: skipped as bulk. */
    private static final String BULK = "bounce_01.txt";
    /**
     * No usable address in From, Sender or Reply-To: sent by the null path (From: Postmaster &lt;&gt;, Return-Path:
     * &lt;&gt;), with the sender only in Return-Path, or from a quoted local part ("System Administrator"@…). Each
     * is still known as a bounce, not quarantined as mail without a sender.
     */
    private static final List<String> SENDER_ELSEWHERE =
            List.of("simple_13.txt", "simple_24.txt", "simple_31.txt", "simple_36.txt");

    @TempDir
    Path folder;

    Cli cli;
    Maildir inbox;

    @BeforeEach
    void setUp() throws IOException {
        inbox = new Maildir(folder.resolve("Maildir"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // receipts are queued; sending them fails at once, and they stay queued
        }
        cli = new Cli(folder).at("2026-11-27T08:00:00Z")
                .env("TENANTDESK_SMTP_URL", "smtp://127.0.0.1:" + closed)
                .env("TENANTDESK_MAIL_FROM", "Drift Storgata 12 <drift@eiendom.example>");
    }

    @Test
    void noRealBounceBecomesAnInquiryOrEarnsAReceipt() throws IOException {
        List<String> names = bounces();
        assertThat(names).hasSize(115);
        for (String name : names) {
            inbox.deliver(Maildir.fixture("bounces/" + name));
        }

        CommandResult result = cli.run("fetch-mail", "--source", inbox.uri(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode messages = result.json().get("messages");
        assertThat(messages).hasSize(115);
        Map<String, String> outcomes = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode message = messages.get(i);
            String outcome = message.get("outcome").asText();
            outcomes.put(names.get(i), outcome.equals("skipped") ? message.get("reason").asText() : outcome);
        }
        Map<String, String> expected = new TreeMap<>();
        for (String name : names) {
            expected.put(name, name.equals(PERSONS_REPLY) ? "created" : name.equals(AUTO_REPLY) ? "auto-reply"
                    : name.equals(BULK) ? "bulk" : "bounce");
        }
        assertThat(outcomes).isEqualTo(expected);
        assertThat(SENDER_ELSEWHERE).allSatisfy(name -> assertThat(outcomes).containsEntry(name, "bounce"));

        JsonNode inquiries = cli.run("inquiry", "list", "--status", "all", "--json").json();
        assertThat(inquiries).hasSize(1);
        assertThat(inquiries.get(0).at("/requester/email").asText()).isEqualTo("reservas@yyyyy.cu");
        JsonNode outbox = cli.run("outbox", "list", "--json").json();
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0).get("recipient").asText()).isEqualTo("reservas@yyyyy.cu");
    }

    private static List<String> bounces() throws IOException {
        Path folder = Path.of("src/test/resources/mail/bounces");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().forEach(names::add);
        }
        return names;
    }
}
