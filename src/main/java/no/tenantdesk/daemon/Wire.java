package no.tenantdesk.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * What the client and the daemon say over the socket. The client sends one request: {@link #VERSION}, the program
 * it runs ({@link Daemons#identity()}), the arguments, the environment variables, its working directory and whether
 * a person is at its terminal. The daemon
 * answers with frames, a kind byte and an int: {@link #ACCEPTED} once it has the whole request, output as it is
 * written, {@link #READ} when the command reads standard input (the client answers with {@link #STDIN} frames, so
 * that no more of its input is consumed than a process of its own would), and last {@link #EXIT} or
 * {@link #OWN_PROCESS}.
 */
final class Wire {

    static final int VERSION = 1;

    /** Daemon to client: the request is read and the command starts; what it did is now the daemon's to report. */
    static final int ACCEPTED = 'A';
    /** Daemon to client: the int is a length, then that many bytes of standard output. */
    static final int STDOUT = 'O';
    /** Daemon to client: as {@link #STDOUT}, for standard error. */
    static final int STDERR = 'E';
    /** Daemon to client: send at most this many bytes of standard input. */
    static final int READ = 'R';
    /** Daemon to client: the command ended with this exit status. */
    static final int EXIT = 'X';
    /** Daemon to client: run this yourself (it needs the terminal or a process of its own); nothing was done. */
    static final int OWN_PROCESS = 'L';
    /** Client to daemon: a length and that many bytes of standard input; -1 at its end. */
    static final int STDIN = 'I';

    /** Longer than any argument list or environment the kernel passes a process, to refuse garbage early. */
    private static final int MAX_STRING = 4 * 1024 * 1024;

    private Wire() {}

    /**
     * The socket's reading side as a stream. Not Channels.newInputStream: its streams take the channel's blocking
     * lock, so a thread waiting to read (the daemon's, for the client's Ctrl-C) would stop every write.
     */
    static InputStream input(SocketChannel channel) {
        return new BlockInput() {
            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : channel.read(ByteBuffer.wrap(bytes, offset, length));
            }
        };
    }

    /** The socket's writing side as a stream; see {@link #input}. */
    static OutputStream output(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    /** A stream that reads in blocks; a byte is a block of one. */
    abstract static class BlockInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public abstract int read(byte[] buffer, int offset, int length) throws IOException;
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING) {
            throw new IOException("not a tenantdesk request (a string of " + length + " bytes)");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
