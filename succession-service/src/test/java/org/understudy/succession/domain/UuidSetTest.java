package org.understudy.succession.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UuidSetTest {

    /** Sized for fewer, as many or more ids than it gets: it grows, and keeps each id once. */
    @ParameterizedTest
    @CsvSource({"16, 10000", "10000, 10000", "100000, 1000", "0, 5000"})
    void keepsEveryIdOnce(int expected, int added) {
        Random random = new Random(expected * 31L + added);
        UuidSet set = new UuidSet(expected);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < added; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            ids.add(id);
            assertTrue(set.add(id));
        }
        ids.add(new UUID(0, 0));
        assertTrue(set.add(new UUID(0, 0)));
        for (UUID id : ids) {
            assertTrue(set.contains(id), id.toString());
            assertFalse(set.add(id.getMostSignificantBits(), id.getLeastSignificantBits()), id.toString());
        }
        assertEquals(added + 1, set.size());
        assertFalse(set.contains(new UUID(random.nextLong(), random.nextLong())));
    }
}
