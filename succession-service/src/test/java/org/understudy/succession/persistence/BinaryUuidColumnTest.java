package org.understudy.succession.persistence;

import org.junit.jupiter.api.Test;
import org.understudy.succession.domain.UuidSet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryUuidColumnTest {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    @Test
    void readsEveryUuidOfTheColumn() throws IOException {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), UUID.randomUUID());
        UuidSet read = BinaryUuidColumn.read(copied(ids, 4, true), new UuidSet(16));
        assertEquals(3, read.size());
        ids.forEach(id -> assertTrue(read.contains(id), id.toString()));
        assertFalse(read.contains(UUID.randomUUID()));
    }

    @Test
    void refusesWhatIsNotABinaryCopy() {
        assertThrows(IOException.class, () -> BinaryUuidColumn.read(
                new DataInputStream(new ByteArrayInputStream("not a copy at all".getBytes())), new UuidSet(16)));
        assertThrows(IOException.class, () -> BinaryUuidColumn.read(copied(List.of(UUID.randomUUID()), 0, false), new UuidSet(16)));
    }

    /** What PostgreSQL sends: header (with an extension of {@code extension} bytes), a row per id and a null row, the trailer. */
    private static DataInputStream copied(List<UUID> ids, int extension, boolean trailer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(SIGNATURE);
        out.writeInt(0);
        out.writeInt(extension);
        out.write(new byte[extension]);
        for (UUID id : ids) {
            out.writeShort(1);
            out.writeInt(16);
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        }
        out.writeShort(1);
        out.writeInt(-1);
        if (trailer) {
            out.writeShort(-1);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
