package no.tenantdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that delays what passes by a fixed time in each direction, as a network of that round trip
 * does, without limiting its bandwidth: what a client sends in one go arrives in one go, later. It can also fail as a
 * network does: cut every connection now, once the server has sent so many more bytes, or refuse connections while
 * it is "down".
 *
 * <p>For tests, and for {@code scripts/bench-fetch --rtt MS}, which runs {@link #main}: {@code LatencyProxy
 * TARGET_HOST:PORT ONE_WAY_MS} prints the port it listens on, then forwards until its standard input closes.
 */
public final class LatencyProxy implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final InetSocketAddress target;
    private final long delayNanos;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** Bytes the server may still send before every connection is cut; negative: no cut armed. */
    private final AtomicLong cutAfter = new AtomicLong(-1);
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** What clients sent, as lines: IMAP and POP3 commands (a literal the client sends counts as lines too). */
    private final List<String> clientLines = new CopyOnWriteArrayList<>();
    /** What clients sent, as the proxy read it: commands a client sent at once (pipelined) come in one read. */
    private final List<String> clientReads = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public LatencyProxy(String host, int port, Duration oneWay) {
        this.target = new InetSocketAddress(host, port);
        this.delayNanos = oneWay.toNanos();
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(this::accept, "proxy-accept-" + listener.getLocalPort());
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Without delay: only to cut connections. */
    public LatencyProxy(String host, int port) {
        this(host, port, Duration.ZERO);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections clients have made through it so far. */
    public long connections() {
        return connections.get();
    }

    /** How many connections it has refused while down. */
    public long refused() {
        return refused.get();
    }

    /** Every line clients have sent through it so far, in order. */
    public List<String> clientLines() {
        return List.copyOf(clientLines);
    }

    /**
     * What clients sent, one entry per read of the proxy: on loopback, the commands a client wrote in one go (such as
     * pipelined RETRs) arrive in one read, and commands sent one round trip apart in several.
     */
    public List<String> clientReads() {
        return List.copyOf(clientReads);
    }

    /** Closes every connection now, as a network that fails; new ones are made as before. */
    public void cutAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Lets the server send {@code bytes} more (over all connections), then cuts every connection. */
    public void cutAfterServerSends(long bytes) {
        cutAfter.set(bytes);
    }

    /** Cuts every connection and refuses new ones (they are accepted and closed at once) until {@link #up()}. */
    public void down() {
        down = true;
        cutAll();
    }

    public void up() {
        down = false;
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cutAll();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (down) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            connections.incrementAndGet();
            Socket server = new Socket();
            try {
                server.connect(target, 5000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(server);
                continue;
            }
            open.add(client);
            open.add(server);
            pipe(client, server, false);
            pipe(server, client, true);
        }
    }

    /** A chunk read at {@code due} minus the delay, to be written at {@code due}; an empty one ends the stream. */
    private record Chunk(byte[] bytes, long due) {}

    private void pipe(Socket from, Socket to, boolean fromServer) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        String name = "proxy-" + from.getPort() + "-" + to.getPort();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[CHUNK];
            StringBuilder line = new StringBuilder();
            try (InputStream in = from.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (!fromServer) {
                        record(line, buffer, n);
                        clientReads.add(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                    queue.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos));
                }
            } catch (IOException e) {
                // cut, or closed by the other side
            }
            queue.add(new Chunk(new byte[0], System.nanoTime() + delayNanos));
        }, name + "-in");
        Thread writer = new Thread(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (chunk.bytes().length == 0) {
                        break;
                    }
                    if (fromServer && !write(out, chunk.bytes())) {
                        cutAll();
                        break;
                    }
                    if (!fromServer) {
                        out.write(chunk.bytes());
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // cut
            } finally {
                // A half-closed TCP connection is what a server that hung up leaves; closing both ends is simpler
                // and what a client sees the same way.
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, name + "-out");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void record(StringBuilder line, byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                clientLines.add(line.toString().strip());
                line.setLength(0);
            } else {
                line.append((char) (buffer[i] & 0xff));
            }
        }
    }

    /** Writes what the server sent, or as much of it as an armed cut lets through: false when the cut came. */
    private boolean write(OutputStream out, byte[] bytes) throws IOException {
        long allowed = cutAfter.get();
        if (allowed < 0) {
            out.write(bytes);
            out.flush();
            return true;
        }
        int n = (int) Math.min(bytes.length, allowed);
        out.write(bytes, 0, n);
        out.flush();
        cutAfter.addAndGet(-n);
        if (n < bytes.length || allowed - n == 0) {
            cutAfter.set(-1);
            return false;
        }
        return true;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** {@code LatencyProxy HOST:PORT ONE_WAY_MS}: prints its port, forwards until standard input closes. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].contains(":")) {
            System.err.println("usage: LatencyProxy HOST:PORT ONE_WAY_MS");
            System.exit(2);
        }
        int colon = args[0].lastIndexOf(':');
        try (LatencyProxy proxy = new LatencyProxy(args[0].substring(0, colon),
                Integer.parseInt(args[0].substring(colon + 1)), Duration.ofMillis(Long.parseLong(args[1])))) {
            System.out.println(proxy.port());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
