package org.understudy.succession.persistence;

import org.understudy.succession.domain.UuidSet;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

/** Reads one uuid column written by {@code COPY ... TO STDOUT (FORMAT binary)}: a header, then per row a field count, a length and 16 bytes. */
final class BinaryUuidColumn {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private BinaryUuidColumn() {
    }

    /** Adds every non-null uuid of the column to {@code into}. */
    static UuidSet read(DataInputStream in, UuidSet into) throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not PostgreSQL's binary COPY format");
        }
        in.readInt(); // flags: none that matter to one uuid column
        in.skipNBytes(in.readInt()); // header extension
        for (short fields = in.readShort(); fields != -1; fields = in.readShort()) {
            if (fields != 1) {
                throw new IOException("expected one column, got " + fields);
            }
            int length = in.readInt();
            if (length == -1) {
                continue; // null
            }
            if (length != 16) {
                throw new IOException("expected a uuid of 16 bytes, got " + length);
            }
            into.add(in.readLong(), in.readLong());
        }
        if (in.read() != -1) { // read to the end, so that the copy is finished, not cancelled, when closed
            throw new IOException("data after the end of the copy");
        }
        return into;
    }
}
