package no.tenantdesk.store;

import java.nio.ByteBuffer;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A column of held inquiries' search words ({@link SearchWords#binary}, null where the server must make them) as one
 * {@code tsvector[]} parameter in PostgreSQL's binary form: the array's header, then each element's length and bytes
 * as the server reads them ({@code array_recv}, {@code tsvectorrecv}). The driver sends it so only for the types named
 * in its {@code binaryTransferEnable}, which {@link PostgresDialect} sets; there is no text form to fall back to.
 */
final class TsvectorArray extends PGobject implements PGBinaryObject {

    /** The built-in types' numbers (pg_type.dat): the same on every server. */
    static final int OID = 3643;
    private static final int ELEMENT_OID = 3614;
    private static final long serialVersionUID = 1L;

    private final byte[][] vectors;

    TsvectorArray(byte[][] vectors) {
        this.vectors = vectors;
        setType("_tsvector");
    }

    @Override
    public int lengthInBytes() {
        int length = 20;
        for (byte[] vector : vectors) {
            length += 4 + (vector == null ? 0 : vector.length);
        }
        return length;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        ByteBuffer array = ByteBuffer.wrap(bytes, offset, lengthInBytes());
        boolean nulls = false;
        for (byte[] vector : vectors) {
            nulls |= vector == null;
        }
        array.putInt(1).putInt(nulls ? 1 : 0).putInt(ELEMENT_OID).putInt(vectors.length).putInt(1);
        for (byte[] vector : vectors) {
            if (vector == null) {
                array.putInt(-1);
            } else {
                array.putInt(vector.length).put(vector);
            }
        }
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("a tsvector[] is only sent, never read");
    }

    @Override
    public String getValue() {
        throw new IllegalStateException("tsvector[] is sent in binary only: binaryTransferEnable must name " + OID);
    }

    @Override
    public String toString() {
        return "tsvector[" + vectors.length + "]";
    }
}
