package no.tenantdesk.mail.in;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.BearerTokens;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.ServerFailures;
import no.tenantdesk.mail.ServerSessions;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.TokenSasl;

/**
 * A POP3 client of our own. Angus' POP3 asks for each message in a round trip of its own (LIST and RETR), which a
 * network 30 ms away held to ten messages a second; this one sends RETR and DELE several at a time where the server
 * offers PIPELINING (RFC 2449), one at a time where it does not, and streams each message into its spool file.
 *
 * <p>It speaks only what fetch-mail needs: CAPA, STLS (RFC 2595), USER and PASS or AUTH XOAUTH2 (an OAuth 2.0
 * token), UIDL, LIST, RETR, DELE and QUIT. TLS follows the rule {@link ServerSessions} keeps for every protocol: pop3s
 * is TLS from the first byte, pop3 upgrades with STLS before the password unless the account says tls: none (a token:
 * always), and a server that offers no STLS gets no password.
 * Certificates are checked against the JVM's trust (or the sockets a test passes) and must name the host.
 */
final class Pop3Client implements Closeable {

    /** Commands in flight at once with PIPELINING: a few hundred bytes of commands, far below any socket buffer. */
    private static final int WINDOW = 64;

    private final String name;
    private Pop3Connection connection;
    private Pop3Input in;
    private Set<String> capabilities = Set.of();

    private Pop3Client(String name) {
        this.name = name;
    }

    /** Connects, upgrades to TLS as the rule says, and logs in. */
    static Pop3Client open(String name, ServerAddress address, String password, BearerTokens tokens, Tls tls,
            Duration timeout, SSLSocketFactory sslSockets) {
        if (tokens != null && tls == Tls.NONE) {
            throw new InvalidInputException(address.protocol() + "://" + address.host() + ": tls: none does not go"
                    + " with oauth2: an OAuth 2.0 token never crosses a network unencrypted");
        }
        if (address.user().matches(".*[\\r\\n].*") || (password != null && password.matches("(?s).*[\\r\\n].*"))) {
            throw new InvalidInputException(name + ": a user name or password cannot hold a line break");
        }
        Pop3Client client = new Pop3Client(name);
        try {
            client.connect(address, tls, tokens != null, timeout, sslSockets == null
                    ? (SSLSocketFactory) SSLSocketFactory.getDefault() : sslSockets);
            if (tokens != null) {
                client.login(address, tokens);
            } else {
                client.login(address.user(), password);
            }
            return client;
        } catch (IOException e) {
            client.closeSocket();
            throw client.failure(e);
        } catch (RuntimeException e) {
            client.closeSocket();
            throw e;
        }
    }

    private void connect(ServerAddress address, Tls tls, boolean token, Duration timeout, SSLSocketFactory sslSockets)
            throws IOException {
        connection = Pop3Connection.open(address.host(), address.port() > 0 ? address.port()
                : address.tls() ? 995 : 110, timeout);
        if (address.tls()) {
            connection.startTls(sslSockets);
        }
        in = connection.in();
        connection.status("greeting");
        capabilities = capabilities();
        if (ServerSessions.startTls(address, tls)) {
            if (!capabilities.contains("STLS")) {
                // POP3 always logs in: no password to a server that offers no TLS, or whose offer was taken out.
                throw token ? ServerSessions.tokenWithoutTls(name, address)
                        : ServerSessions.withoutTls(name, address, null);
            }
            connection.command("STLS");
            connection.status("STLS");
            connection.startTls(sslSockets);
            in = connection.in();
            capabilities = capabilities(); // RFC 2595: what was said before TLS is forgotten
        }
    }

    private void login(String user, String password) throws IOException {
        if (password == null) {
            throw new TenantdeskException(name + ": login failed (no password given)");
        }
        connection.command("USER " + user);
        if (!in.line().startsWith("+OK")) {
            throw new TenantdeskException(name + ": login failed");
        }
        connection.command("PASS " + password);
        if (!in.line().startsWith("+OK")) {
            throw new TenantdeskException(name + ": login failed");
        }
        // Some servers say what they can only once the user is known.
        capabilities = capabilities();
    }

    /**
     * AUTH XOAUTH2 with the initial response on the command line (RFC 5034); a refusal comes as a challenge, which
     * an empty line answers, and then -ERR. The connection is encrypted by now ({@link #connect}).
     */
    private void login(ServerAddress address, BearerTokens tokens) throws IOException {
        if (!capabilities.contains("SASL " + TokenSasl.XOAUTH2)) {
            throw ServerSessions.noTokenMechanism(name, address);
        }
        ServerSessions.login(name, address, tokens, token -> {
            connection.command("AUTH " + TokenSasl.XOAUTH2 + " "
                    + Base64.getEncoder().encodeToString(TokenSasl.xoauth2(address.user(), token)));
            String reply = in.line();
            if (reply.startsWith("+ ") || reply.equals("+")) {
                connection.command("");
                reply = in.line();
            }
            return reply.startsWith("+OK") ? null : reply.replaceFirst("^-ERR ?", "");
        });
        capabilities = capabilities();
    }

    /**
     * CAPA, in upper case: each capability's first word, and "SASL M" for each SASL mechanism M; nothing for a server
     * from before RFC 2449.
     */
    private Set<String> capabilities() throws IOException {
        connection.command("CAPA");
        if (!in.line().startsWith("+OK")) {
            return Set.of();
        }
        Set<String> said = new HashSet<>();
        for (String line : in.lines()) {
            String[] words = line.strip().toUpperCase(Locale.ROOT).split("\\s+", -1);
            said.add(words[0]);
            if (words[0].equals("SASL")) {
                for (int i = 1; i < words.length; i++) {
                    said.add("SASL " + words[i]);
                }
            }
        }
        return said;
    }

    boolean pipelining() {
        return capabilities.contains("PIPELINING");
    }

    /** Each message's number and size (LIST) and unique id (UIDL), in the order of their numbers. */
    record Listed(int number, String uid, long size) {}

    List<Listed> list() {
        try {
            return new Pop3Listing(name, connection, in).list(pipelining());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * RETR for each of these messages; each one goes to {@code arrived} in a spool file as soon as it is whole. A
     * message the server refuses (deleted by another session) is left out.
     */
    void retrieve(List<Integer> numbers, Path spool, BiConsumer<Integer, Path> arrived) {
        pipelined("RETR", numbers, number -> {
            if (!in.line().startsWith("+OK")) {
                return;
            }
            Path file = Spool.newFile(spool);
            try (OutputStream message = Files.newOutputStream(file)) {
                in.copyMultiline(message);
            } catch (IOException | RuntimeException e) {
                Spool.deleteQuietly(file);
                throw e;
            }
            arrived.accept(number, file);
        });
    }

    /** DELE for each; the server deletes them when the session ends with QUIT. */
    void delete(List<Integer> numbers) {
        pipelined("DELE", numbers, number -> in.line()); // -ERR: deleted already, in this session or by another
    }

    /** Reads the reply to one command of {@link #pipelined}. */
    @FunctionalInterface
    private interface Reply {
        void read(int number) throws IOException;
    }

    /**
     * The command for each message number, a window of them in flight with PIPELINING, one at a time without; each
     * reply is read in order as it comes.
     */
    private void pipelined(String command, List<Integer> numbers, Reply reply) {
        try {
            int window = pipelining() ? WINDOW : 1;
            int sent = 0;
            for (int received = 0; received < numbers.size(); received++) {
                while (sent < numbers.size() && sent - received < window) {
                    connection.write(command + " " + numbers.get(sent++));
                }
                connection.flush();
                reply.read(numbers.get(received));
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** QUIT: the server deletes what DELE marked now, and only now. */
    void quit() {
        try {
            connection.command("QUIT");
            connection.status("QUIT");
        } catch (IOException e) {
            throw failure(e);
        } finally {
            closeSocket();
        }
    }

    @Override
    public void close() {
        closeSocket();
    }

    private void closeSocket() {
        if (connection != null) {
            connection.close();
        }
    }

    /** One line for stderr, and whether trying again may help, as for every mail server. */
    TenantdeskException failure(IOException e) {
        if (e instanceof Pop3Connection.Refusal) {
            return new TenantdeskException(name + ": " + e.getMessage(), e);
        }
        TenantdeskException lost = ServerFailures.connection(name, e, t -> false);
        return lost != null ? lost
                : new TenantdeskException(name + ": " + ServerFailures.oneLine(ServerFailures.rootMessage(e)), e);
    }
}
