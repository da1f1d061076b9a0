package no.tenantdesk.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import no.tenantdesk.cli.ExitCodes;
import no.tenantdesk.cli.Main;
import no.tenantdesk.cli.OwnProcess;

/**
 * What the launcher starts: it hands the command to the user's tenantdesk daemon, a JVM that is already warm, and
 * prints what comes back; a new JVM then does little more than start. Without a daemon (the first command, or after
 * it has been idle), or when the command needs a process of its own, it runs the command itself, as
 * {@link Main} does, and starts a daemon for the next ones (unless this one is fetch-mail or the shell).
 * TENANTDESK_DAEMON=off always runs it here.
 *
 * <p>This class loads as little as it can: it runs before every command, and every class is start-up time. Hence
 * no regular expressions, lambdas or string concatenation with +, whose first use costs a JVM milliseconds; only
 * its error paths, methods of their own, may. {@code ClientStartupTest} reads the bytecode of what it calls.
 */
public final class Client {

    private Client() {}

    public static void main(String... args) {
        String daemon = System.getenv(DaemonSettings.SWITCH);
        String problem = DaemonSettings.problem(daemon, System.getenv(DaemonSettings.IDLE),
                System.getenv(DaemonSettings.WARM_UP));
        if (problem != null) {
            System.exit(refuse(problem));
        }
        if (!DaemonSettings.off(daemon)) {
            Path socket = Daemons.socket();
            OptionalInt status = socket == null ? OptionalInt.empty() : call(socket, !OwnProcess.named(args), args);
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
        }
        Main.main(args);
    }

    /**
     * The command's exit status as the daemon ran it; empty when it is this process's to run.
     *
     * @param start whether to start a daemon for the next commands when none answers
     */
    static OptionalInt call(Path socket, boolean start, String... args) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            if (start) {
                Daemons.start(socket);
            }
            return OptionalInt.empty();
        }
        boolean accepted = false;
        try (channel) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Wire.output(channel)));
            request(out, args);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Wire.input(channel)));
            OutputStream stdout = new FileOutputStream(FileDescriptor.out);
            OutputStream stderr = new FileOutputStream(FileDescriptor.err);
            InputStream stdin = new FileInputStream(FileDescriptor.in);
            while (true) {
                int kind = in.read();
                int value = kind < 0 ? 0 : in.readInt();
                switch (kind) {
                    case Wire.ACCEPTED -> accepted = true;
                    case Wire.STDOUT -> copy(in, value, stdout);
                    case Wire.STDERR -> copy(in, value, stderr);
                    case Wire.READ -> {
                        byte[] buffer = new byte[Math.min(Math.max(value, 1), 64 * 1024)];
                        int n = stdin.read(buffer);
                        out.writeByte(Wire.STDIN);
                        out.writeInt(n);
                        if (n > 0) {
                            out.write(buffer, 0, n);
                        }
                        out.flush();
                    }
                    case Wire.EXIT -> {
                        return OptionalInt.of(value);
                    }
                    case Wire.OWN_PROCESS -> {
                        return OptionalInt.empty();
                    }
                    default -> throw unknownFrame(kind);
                }
            }
        } catch (IOException e) {
            if (!accepted) {
                // The daemon went away before it took the command (it was stopping as it went idle): nothing was
                // done, so doing it here is safe.
                return OptionalInt.empty();
            }
            return stoppedDuring(e);
        }
    }

    // The error paths below may use +: once something went wrong, a few milliseconds no longer matter.

    /** A daemon variable that is not what it takes: nothing is run, here or by a daemon. */
    private static int refuse(String problem) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        err.println("tenantdesk: " + problem);
        return ExitCodes.USAGE;
    }

    private static IOException unknownFrame(int kind) {
        return new IOException(kind < 0 ? "the daemon closed the connection"
                : "the daemon sent an unknown frame " + kind);
    }

    /**
     * The daemon died during the command. Whether the command got as far as storing anything, no one can tell from
     * here: running it again could do it twice. Temporary, as the daemon's end is: a mail server piping a message in
     * tries again later (and fetch-mail knows a message it has already filed).
     */
    private static OptionalInt stoppedDuring(IOException e) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        err.println("tenantdesk: the daemon stopped during this command (" + e.getMessage()
                + "); check whether it was done before running it again");
        return OptionalInt.of(ExitCodes.TEMPORARY);
    }

    // Null is no terminal on the Java 17 the build targets and on 25, the launcher's other; only 22 said otherwise.
    @SuppressWarnings("SystemConsoleNull")
    private static void request(DataOutputStream out, String... args) throws IOException {
        out.writeInt(Wire.VERSION);
        Wire.writeString(out, Daemons.identity());
        out.writeInt(args.length);
        for (String arg : args) {
            Wire.writeString(out, arg);
        }
        Map<String, String> variables = System.getenv();
        out.writeInt(variables.size());
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            Wire.writeString(out, variable.getKey());
            Wire.writeString(out, variable.getValue());
        }
        Wire.writeString(out, Path.of("").toAbsolutePath().toString());
        out.writeBoolean(System.console() != null);
        out.flush();
    }

    private static void copy(DataInputStream in, int length, OutputStream to) throws IOException {
        if (length < 0) {
            throw frameLength(length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        to.write(bytes);
    }

    private static IOException frameLength(int length) {
        return new IOException("the daemon sent a frame of " + length + " bytes");
    }
}
