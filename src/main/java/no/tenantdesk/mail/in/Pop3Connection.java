package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.mail.ServerFailures;

/**
 * The wire to a POP3 server: commands out, lines in, and TLS in place of plain text when {@link Pop3Client} says
 * (pop3s from the first byte, pop3 after STLS). It knows nothing of what the commands mean.
 */
final class Pop3Connection implements Closeable {

    private final Socket plain;
    private final String host;
    private final int port;
    private Socket socket;
    private Pop3Input in;
    private OutputStream out;

    /** A server's -ERR: not a broken connection, an answer. */
    static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;

        Refusal(String command, String reply) {
            super(command + " refused: " + ServerFailures.oneLine(reply));
        }
    }

    private Pop3Connection(Socket plain, String host, int port) {
        this.plain = plain;
        this.socket = plain;
        this.host = host;
        this.port = port;
    }

    /** Connects in plain text; {@link #startTls} encrypts it. Closed again when connecting fails. */
    static Pop3Connection open(String host, int port, Duration timeout) throws IOException {
        Pop3Connection connection = new Pop3Connection(new Socket(), host, port);
        try {
            connection.plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            connection.plain.setSoTimeout((int) timeout.toMillis());
            // Each command goes out whole when flushed: Nagle's algorithm would hold a pipelined RETR back for an ACK.
            connection.plain.setTcpNoDelay(true);
            connection.streams();
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** TLS over the plain socket, its certificate checked against the factory's trust and for the host's name. */
    void startTls(SSLSocketFactory factory) throws IOException {
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        // The certificate must name the host we asked for, as Angus' checkserveridentity checks it for IMAP.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        socket = ssl;
        streams();
    }

    private void streams() throws IOException {
        in = new Pop3Input(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    Pop3Input in() {
        return in;
    }

    /** One command, sent at once. */
    void command(String command) throws IOException {
        write(command);
        out.flush();
    }

    /** One command, buffered until {@link #flush}: for pipelining. */
    void write(String command) throws IOException {
        out.write((command + "\r\n").getBytes(UTF_8));
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The reply to what; -ERR is a {@link Refusal}. */
    void status(String what) throws IOException {
        String reply = in.line();
        if (!reply.startsWith("+OK")) {
            throw new Refusal(what, reply);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // gone either way
        }
    }
}
