package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
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
    private Socket socket;
    private Pop3Input in;
    private OutputStream out;
    private Set<String> capabilities = Set.of();

    private Pop3Client(String name) {
        this.name = name;
    }

    /** A server's -ERR: not a broken connection, an answer. */
    static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;

        Refusal(String command, String reply) {
            super(command + " refused: " + ServerFailures.oneLine(reply));
        }
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
        int port = address.port() > 0 ? address.port() : address.tls() ? 995 : 110;
        Socket plain = new Socket();
        socket = plain;
        plain.connect(new InetSocketAddress(address.host(), port), (int) timeout.toMillis());
        plain.setSoTimeout((int) timeout.toMillis());
        // Each command goes out whole when flushed: Nagle's algorithm would hold a pipelined RETR back for an ACK.
        plain.setTcpNoDelay(true);
        if (address.tls()) {
            socket = tls(plain, address.host(), port, sslSockets);
        }
        streams();
        status("greeting");
        capabilities = capabilities();
        if (ServerSessions.startTls(address, tls)) {
            if (!capabilities.contains("STLS")) {
                // POP3 always logs in: no password to a server that offers no TLS, or whose offer was taken out.
                throw token ? ServerSessions.tokenWithoutTls(name, address)
                        : ServerSessions.withoutTls(name, address, null);
            }
            command("STLS");
            status("STLS");
            socket = tls(plain, address.host(), port, sslSockets);
            streams();
            capabilities = capabilities(); // RFC 2595: what was said before TLS is forgotten
        }
    }

    private static Socket tls(Socket plain, String host, int port, SSLSocketFactory factory) throws IOException {
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        // The certificate must name the host we asked for, as Angus' checkserveridentity checks it for IMAP.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private void streams() throws IOException {
        in = new Pop3Input(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    private void login(String user, String password) throws IOException {
        if (password == null) {
            throw new TenantdeskException(name + ": login failed (no password given)");
        }
        command("USER " + user);
        if (!in.line().startsWith("+OK")) {
            throw new TenantdeskException(name + ": login failed");
        }
        command("PASS " + password);
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
            command("AUTH " + TokenSasl.XOAUTH2 + " "
                    + Base64.getEncoder().encodeToString(TokenSasl.xoauth2(address.user(), token)));
            String reply = in.line();
            if (reply.startsWith("+ ") || reply.equals("+")) {
                command("");
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
        command("CAPA");
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
            write("UIDL");
            if (pipelining()) {
                write("LIST"); // both in one round trip
            }
            out.flush();
            Map<Integer, String> uids = uidl();
            if (!pipelining()) {
                command("LIST");
            }
            return listed(uids, sizes());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private Map<Integer, String> uidl() throws IOException {
        String reply = in.line();
        if (!reply.startsWith("+OK")) {
            throw new TenantdeskException(name + ": the server does not support UIDL, which fetch-mail needs to"
                    + " recognise messages it has already imported");
        }
        Map<Integer, String> uids = new LinkedHashMap<>();
        for (String line : in.lines()) {
            String[] words = line.strip().split(" ", 2);
            uids.put(Integer.parseInt(words[0]), words.length > 1 ? words[1].strip() : "");
        }
        return uids;
    }

    private Map<Integer, Long> sizes() throws IOException {
        status("LIST");
        Map<Integer, Long> sizes = new LinkedHashMap<>();
        for (String line : in.lines()) {
            String[] words = line.strip().split(" ", -1);
            sizes.put(Integer.parseInt(words[0]), words.length > 1 ? Long.parseLong(words[1]) : -1);
        }
        return sizes;
    }

    private static List<Listed> listed(Map<Integer, String> uids, Map<Integer, Long> sizes) {
        List<Listed> listed = new ArrayList<>();
        uids.forEach((number, uid) -> listed.add(new Listed(number, uid, sizes.getOrDefault(number, -1L))));
        return listed;
    }

    /**
     * RETR for each of these messages; each one goes to {@code arrived} in a spool file as soon as it is whole. A
     * message the server refuses (deleted by another session) is left out.
     */
    void retrieve(List<Integer> numbers, Path spool, BiConsumer<Integer, Path> arrived) {
        each("RETR", numbers, (number, status) -> {
            if (!status.startsWith("+OK")) {
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
        each("DELE", numbers, (number, status) -> {}); // -ERR: deleted already, in this session or by another
    }

    /** What follows a command's status line, read before the next command's answer. */
    private interface Answer {
        void read(int number, String status) throws IOException;
    }

    /**
     * {@code VERB n} for each number, {@link #WINDOW} of them in flight where the server offers PIPELINING and one at
     * a time where it does not; each answer is read in order as it comes.
     */
    private void each(String verb, List<Integer> numbers, Answer answer) {
        try {
            int window = pipelining() ? WINDOW : 1;
            int sent = 0;
            for (int received = 0; received < numbers.size(); received++) {
                while (sent < numbers.size() && sent - received < window) {
                    write(verb + " " + numbers.get(sent++));
                }
                out.flush();
                answer.read(numbers.get(received), in.line());
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** QUIT: the server deletes what DELE marked now, and only now. */
    void quit() {
        try {
            command("QUIT");
            status("QUIT");
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

    private void command(String command) throws IOException {
        write(command);
        out.flush();
    }

    private void write(String command) throws IOException {
        out.write((command + "\r\n").getBytes(UTF_8));
    }

    private void status(String what) throws IOException {
        String reply = in.line();
        if (!reply.startsWith("+OK")) {
            throw new Refusal(what, reply);
        }
    }

    private void closeSocket() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // gone either way
        }
    }

    /** One line for stderr, and whether trying again may help, as for every mail server. */
    TenantdeskException failure(IOException e) {
        if (e instanceof Refusal) {
            return new TenantdeskException(name + ": " + e.getMessage(), e);
        }
        TenantdeskException connection = ServerFailures.connection(name, e, t -> false);
        return connection != null ? connection
                : new TenantdeskException(name + ": " + ServerFailures.oneLine(ServerFailures.rootMessage(e)), e);
    }
}
