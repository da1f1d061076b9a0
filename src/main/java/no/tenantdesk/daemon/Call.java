package no.tenantdesk.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import no.tenantdesk.cli.Environment;
import no.tenantdesk.cli.ElsewhereInteraction;
import no.tenantdesk.cli.Main;
import no.tenantdesk.cli.Resources;

/**
 * One client's command in the daemon: its request read, the command run on this thread in the client's
 * environment and folder, its output and exit status sent back, its standard input fetched when read. When the
 * client goes away (Ctrl-C), the command's thread is interrupted, and a transaction not yet committed is not.
 */
final class Call {

    private static final byte[] END = new byte[0];
    /**
     * How long a client has to send its whole request, which it writes at once from memory: a client that is stuck,
     * stopped or slow on purpose must not hold one of the daemon's threads (or keep it from going idle) for ever.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final SocketChannel channel;
    private final Resources resources;
    private final BooleanSupplier current;
    private final String identity;
    private final ScheduledExecutorService watch;
    private final Consumer<String> log;
    private final DataOutputStream toClient;
    /** Standard input the client sent, handed from the thread reading the socket; {@link #END} at its end. */
    private final BlockingQueue<byte[]> stdin = new ArrayBlockingQueue<>(1);
    private volatile boolean done;

    /**
     * @param identity what the client must run ({@link Daemons#identity})
     * @param watch    runs the deadline of the request
     * @param log      the daemon's log
     */
    Call(SocketChannel channel, Resources resources, BooleanSupplier current, String identity,
            ScheduledExecutorService watch, Consumer<String> log) {
        this.channel = channel;
        this.resources = resources;
        this.current = current;
        this.identity = identity;
        this.watch = watch;
        this.log = log;
        this.toClient = new DataOutputStream(new BufferedOutputStream(Wire.output(channel)));
    }

    void run() {
        try (channel) {
            DataInputStream fromClient = new DataInputStream(new BufferedInputStream(Wire.input(channel)));
            ScheduledFuture<?> deadline = watch.schedule(this::tooSlow, REQUEST_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
            Request request = Request.read(fromClient, identity);
            if (!deadline.cancel(false)) {
                return; // cut off just as the request came in
            }
            if (request == null || !current.getAsBoolean()) {
                frame(Wire.OWN_PROCESS, 0);
                return;
            }
            frame(Wire.ACCEPTED, 0);
            Thread worker = Thread.currentThread();
            Thread reader = new Thread(() -> readClient(fromClient, worker), "tenantdesk-call-input");
            reader.setDaemon(true);
            reader.start();
            OptionalInt status = run(request);
            done = true;
            if (status.isPresent()) {
                frame(Wire.EXIT, status.getAsInt());
            } else {
                frame(Wire.OWN_PROCESS, 0);
            }
        } catch (IOException e) {
            // The client is gone; there is nobody left to tell.
        } finally {
            done = true;
        }
    }

    private void tooSlow() {
        log.accept("cut off a client that sent no whole request within " + REQUEST_TIMEOUT.toSeconds() + " s");
        try {
            channel.close(); // the read waiting for the request fails, and the call ends
        } catch (IOException e) {
            // closed either way
        }
    }

    private OptionalInt run(Request request) {
        OutputStream stdout = new Frames(Wire.STDOUT);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new Frames(Wire.STDERR), StandardCharsets.UTF_8),
                true);
        Environment environment = new Environment(request.variables(), new Input(), stdout, request.terminal(),
                Clock.systemUTC(), zone(request.variables()), new ElsewhereInteraction(), Path.of(request.folder()));
        return Main.runResident(environment, resources, out, err, request.args());
    }

    /** The client's time zone: its TZ, else this machine's, which the daemon shares with it. */
    private static ZoneId zone(Map<String, String> variables) {
        String tz = variables.get("TZ");
        if (tz != null && !tz.isEmpty()) {
            try {
                return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
            } catch (DateTimeException e) {
                // a TZ that Java cannot read: as a process of its own would, use the system's
            }
        }
        return ZoneId.systemDefault();
    }

    /** Reads what the client sends while its command runs; the client leaving interrupts the command. */
    private void readClient(DataInputStream fromClient, Thread worker) {
        try {
            while (true) {
                if (fromClient.read() != Wire.STDIN) {
                    throw new IOException("the client went away");
                }
                int length = fromClient.readInt();
                byte[] bytes = END;
                if (length > 0) {
                    bytes = new byte[length];
                    fromClient.readFully(bytes);
                }
                stdin.put(bytes);
            }
        } catch (IOException | InterruptedException e) {
            if (!done) {
                worker.interrupt();
            }
        }
    }

    private void frame(int kind, int value) throws IOException {
        synchronized (toClient) {
            toClient.writeByte(kind);
            toClient.writeInt(value);
            toClient.flush();
        }
    }

    /** Standard output or error: what the command writes goes to the client at every flush. */
    private final class Frames extends OutputStream {
        private final int kind;
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

        Frames(int kind) {
            this.kind = kind;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            buffer.write(bytes, offset, length);
            if (buffer.size() >= 64 * 1024) {
                flush();
            }
        }

        @Override
        public void flush() throws IOException {
            if (buffer.size() == 0) {
                return;
            }
            synchronized (toClient) {
                toClient.writeByte(kind);
                toClient.writeInt(buffer.size());
                buffer.writeTo(toClient);
                toClient.flush();
            }
            buffer.reset();
        }
    }

    /** Standard input: asks the client for bytes only when the command reads, as much as it asks for. */
    private final class Input extends Wire.BlockInput {
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == chunk.length) {
                if (ended) {
                    return -1;
                }
                frame(Wire.READ, length);
                try {
                    chunk = stdin.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted: the client went away");
                }
                position = 0;
                if (chunk == END) {
                    ended = true;
                    return -1;
                }
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, bytes, offset, n);
            position += n;
            return n;
        }
    }

    /**
     * What a client asks.
     *
     * @param folder its working directory
     */
    // Never compared or hashed: the array is the arguments as they came.
    @SuppressWarnings("ArrayRecordComponent")
    record Request(String[] args, Map<String, String> variables, String folder, boolean terminal) {

        /**
         * Null when the client speaks another version or runs another program (a daemon of an older build).
         *
         * @param identity the daemon's own ({@link Daemons#identity})
         */
        static Request read(DataInputStream in, String identity) throws IOException {
            if (in.readInt() != Wire.VERSION || !Wire.readString(in).equals(identity)) {
                return null;
            }
            String[] args = new String[count(in)];
            for (int i = 0; i < args.length; i++) {
                args[i] = Wire.readString(in);
            }
            int variableCount = count(in);
            Map<String, String> variables = new HashMap<>();
            for (int i = 0; i < variableCount; i++) {
                variables.put(Wire.readString(in), Wire.readString(in));
            }
            String folder = Wire.readString(in);
            if (!Path.of(folder).isAbsolute()) {
                throw new IOException("not a tenantdesk request (a working folder that is not absolute)");
            }
            return new Request(args, variables, folder, in.readBoolean());
        }

        private static int count(DataInputStream in) throws IOException {
            int count = in.readInt();
            if (count < 0 || count > 100_000) {
                throw new IOException("not a tenantdesk request (" + count + " items)");
            }
            return count;
        }
    }
}
