package no.tenantdesk.mail.out;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SMTP server that answers what its script says, for what GreenMail cannot do: refuse with a chosen code, or cut
 * the connection at a chosen moment. It serves one connection, on a thread of its own, since the sender blocks.
 */
final class FakeSmtpServer implements AutoCloseable {

    /** The moments a script can answer differently. */
    enum Step { GREETING, EHLO, MAIL, RCPT, DATA, END_OF_DATA, CONTENT }

    /** Closes the connection instead of answering. */
    static final String CUT = "CUT";
    /** Reads on and never answers. */
    static final String SILENT = "SILENT";

    private final ServerSocket socket;
    private final Map<Step, String> script = new EnumMap<>(Step.class);
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    FakeSmtpServer(Map<Step, String> answers) throws IOException {
        script.put(Step.GREETING, "220 fake.example ESMTP");
        script.put(Step.EHLO, "250 fake.example");
        script.put(Step.MAIL, "250 2.1.0 Ok");
        script.put(Step.RCPT, "250 2.1.5 Ok");
        script.put(Step.DATA, "354 End data with <CR><LF>.<CR><LF>");
        script.put(Step.END_OF_DATA, "250 2.0.0 Ok: queued as FAKE1");
        script.putAll(answers);
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "smtp://127.0.0.1:" + socket.getLocalPort();
    }

    /** The commands received, in order, without the message content. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    private void serve() {
        try (Socket client = socket.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), ISO_8859_1));
            OutputStream out = client.getOutputStream();
            if (!answer(out, Step.GREETING)) {
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                Step step = switch (verb) {
                    case "EHLO", "HELO" -> Step.EHLO;
                    case "MAIL" -> Step.MAIL;
                    case "RCPT" -> Step.RCPT;
                    case "DATA" -> Step.DATA;
                    default -> null;
                };
                if (verb.equals("QUIT")) {
                    send(out, "221 2.0.0 Bye");
                    return;
                }
                if (step == null) {
                    send(out, "250 Ok");
                    continue;
                }
                if (!answer(out, step)) {
                    return;
                }
                if (step == Step.DATA && script.get(Step.DATA).startsWith("354")) {
                    if (CUT.equals(script.get(Step.CONTENT))) {
                        // Mid-message: read a little, then hang up with the rest unread.
                        in.readLine();
                        return;
                    }
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the content
                    }
                    if (line == null || !answer(out, Step.END_OF_DATA)) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // The client went away: the test's assertions tell what it saw.
        }
    }

    /** False when the script ends the conversation here. */
    private boolean answer(OutputStream out, Step step) throws IOException {
        String answer = script.get(step);
        if (CUT.equals(answer)) {
            return false;
        }
        if (SILENT.equals(answer)) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        send(out, answer);
        return true;
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(ISO_8859_1));
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
