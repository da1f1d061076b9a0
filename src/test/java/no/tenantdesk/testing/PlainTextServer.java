package no.tenantdesk.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An SMTP, IMAP or POP3 server on loopback that offers no STARTTLS, takes any login, holds an empty mailbox and keeps
 * every line a client sent: whether a password arrived is then a fact, not a guess. Enough of each protocol for
 * fetch-mail to log in, find nothing and leave, and for a reply to be sent; nothing more.
 */
public final class PlainTextServer implements AutoCloseable {

    public enum Protocol { SMTP, IMAP, POP3 }

    private final Protocol protocol;
    private final ServerSocket socket;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    public PlainTextServer(Protocol protocol) {
        this.protocol = protocol;
        try {
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "plain-" + protocol);
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Every line clients sent, message contents included. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether a client sent a login: AUTH (SMTP, POP3), LOGIN or AUTHENTICATE (IMAP), USER, PASS or APOP (POP3). */
    public boolean loginArrived() {
        return lines().stream().anyMatch(line -> {
            String[] words = line.toUpperCase(Locale.ROOT).split(" ");
            String verb = protocol == Protocol.IMAP && words.length > 1 ? words[1] : words[0];
            return List.of("AUTH", "LOGIN", "AUTHENTICATE", "USER", "PASS", "APOP").contains(verb);
        });
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(new BufferedReader(new InputStreamReader(client.getInputStream(), ISO_8859_1)),
                        client.getOutputStream());
            } catch (IOException e) {
                // closed by the test, or a client that went away: the next one, if any
            }
        }
    }

    private void converse(BufferedReader in, OutputStream out) throws IOException {
        send(out, switch (protocol) {
            case SMTP -> "220 plain.example ESMTP";
            case IMAP -> "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] plain.example";
            case POP3 -> "+OK plain.example";
        });
        for (String line; (line = in.readLine()) != null; ) {
            lines.add(line);
            String answer = switch (protocol) {
                case SMTP -> smtp(line, in, out);
                case IMAP -> imap(line);
                case POP3 -> pop3(line);
            };
            send(out, answer);
            if (answer.startsWith("221") || answer.contains("BYE") || line.equalsIgnoreCase("QUIT")) {
                return;
            }
        }
    }

    private String smtp(String line, BufferedReader in, OutputStream out) throws IOException {
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        return switch (verb) {
            case "EHLO" -> "250-plain.example\r\n250-AUTH PLAIN\r\n250 8BITMIME";
            case "AUTH" -> "235 2.7.0 Authentication successful";
            case "DATA" -> {
                send(out, "354 go ahead");
                for (String content; (content = in.readLine()) != null && !content.equals("."); ) {
                    lines.add(content);
                }
                yield "250 2.0.0 Ok: queued";
            }
            case "QUIT" -> "221 2.0.0 Bye";
            default -> "250 Ok";
        };
    }

    private static String imap(String line) {
        String[] words = line.split(" ", 3);
        String tag = words[0];
        String command = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
        if (command.equals("UID") && words.length > 2) {
            command = words[2].split(" ", 2)[0].toUpperCase(Locale.ROOT);
        }
        return switch (command) {
            case "CAPABILITY" -> "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + " OK done";
            case "LIST" -> "* LIST () \"/\" INBOX\r\n" + tag + " OK done";
            case "SELECT", "EXAMINE" -> "* 0 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 1] ok\r\n* OK [UIDNEXT 1] ok\r\n"
                    + "* FLAGS (\\Seen \\Deleted)\r\n" + tag + " OK [READ-WRITE] done";
            case "SEARCH" -> "* SEARCH\r\n" + tag + " OK done";
            case "LOGOUT" -> "* BYE bye\r\n" + tag + " OK done";
            default -> tag + " OK done";
        };
    }

    private static String pop3(String line) {
        return switch (line.split(" ", 2)[0].toUpperCase(Locale.ROOT)) {
            case "CAPA" -> "+OK\r\nUSER\r\nUIDL\r\n.";
            case "STAT" -> "+OK 0 0";
            case "LIST", "UIDL" -> "+OK\r\n.";
            default -> "+OK";
        };
    }

    private static void send(OutputStream out, String answer) throws IOException {
        out.write((answer + "\r\n").getBytes(ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
    }
}
