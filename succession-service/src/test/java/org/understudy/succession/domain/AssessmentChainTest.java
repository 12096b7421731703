package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hash chain of assessments: what it covers, and each way it breaks. */
class AssessmentChainTest {
    private static final Instant AT = Instant.parse("2026-11-26T10:15:30.123456Z");

    private record Row(AssessmentChain.Content content, String hash) {
    }

    private static AssessmentChain.Content content(long seq, String previous, String purpose) {
        return new AssessmentChain.Content(seq, UUID.nameUUIDFromBytes(("a" + seq).getBytes()), UUID.nameUUIDFromBytes("post".getBytes()),
                "R0A", "LONDON", "ACUTE", "CHIEF_EXECUTIVE", false, purpose, "anonymous", AT.plusSeconds(seq), null,
                "{\"credible\":false}", "{\"appliedUpTo\":[]}", previous);
    }

    private static List<Row> chain(int n) {
        List<Row> rows = new ArrayList<>();
        String previous = AssessmentChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AssessmentChain.Content c = content(i, previous, "board meeting " + i);
            String hash = AssessmentChain.hash(c);
            rows.add(new Row(c, hash));
            previous = hash;
        }
        return rows;
    }

    private static AssessmentChain.Break verify(List<Row> rows) {
        AssessmentChain.Verifier v = new AssessmentChain.Verifier();
        for (Row r : rows) {
            if (v.next(r.content(), r.hash()) != null) {
                break;
            }
        }
        return v.broken();
    }

    private static AssessmentChain.Content withPurpose(AssessmentChain.Content c, String purpose) {
        return new AssessmentChain.Content(c.sequence(), c.assessmentId(), c.postId(), c.odsCode(), c.region(), c.organisationType(), c.role(),
                c.credible(), purpose, c.askedBy(), c.recordedAt(), c.asOf(), c.answer(), c.positions(), c.previousHash());
    }

    /**
     * A record's hash, against a value computed outside Java from the canonical text written out by hand
     * ({@code printf '%s' '<the text below>' | sha256sum}): anyone can check a record with standard tools.
     */
    @Test
    void theHashIsTheSha256OfTheCanonicalTextAsAnyToolComputesIt() {
        AssessmentChain.Content c = new AssessmentChain.Content(1, UUID.fromString("00000000-0000-0000-0000-0000000000a1"),
                UUID.fromString("00000000-0000-0000-0000-0000000000b1"), "R0A", "LONDON", "ACUTE", "CHIEF_EXECUTIVE", false, "why",
                "anonymous", Instant.parse("2026-11-26T10:15:30.123456Z"), null, "{\"credible\":false}", "{\"appliedUpTo\":[]}",
                AssessmentChain.GENESIS);
        assertEquals("{\"answer\":\"{\\\"credible\\\":false}\",\"asOf\":null,\"askedBy\":\"anonymous\","
                + "\"assessmentId\":\"00000000-0000-0000-0000-0000000000a1\",\"credible\":false,\"odsCode\":\"R0A\","
                + "\"organisationType\":\"ACUTE\",\"positions\":\"{\\\"appliedUpTo\\\":[]}\","
                + "\"postId\":\"00000000-0000-0000-0000-0000000000b1\",\"previousHash\":\"" + "0".repeat(64) + "\","
                + "\"purpose\":\"why\",\"recordedAt\":\"2026-11-26T10:15:30.123456Z\",\"region\":\"LONDON\","
                + "\"role\":\"CHIEF_EXECUTIVE\",\"sequence\":1}", AssessmentChain.canonical(c));
        assertEquals("d980213fab0a903374ee98f9c3e5b5d18a0116504cb1ae5b5e615dac63bd63ec", AssessmentChain.hash(c));
    }

    @Test
    void theCanonicalContentIsSortedCompactJson() {
        String canonical = AssessmentChain.canonical(content(1, AssessmentChain.GENESIS, "why"));
        assertTrue(canonical.startsWith("{\"answer\":\"{\\\"credible\\\":false}\",\"asOf\":null,\"askedBy\":\"anonymous\","), canonical);
        assertTrue(canonical.contains("\"recordedAt\":\"2026-11-26T10:15:31.123456Z\""), canonical);
        assertTrue(canonical.endsWith("\"sequence\":1}"), canonical);
        assertEquals(64, AssessmentChain.hash(content(1, AssessmentChain.GENESIS, "why")).length());
    }

    @Test
    void everyFieldIsCovered() {
        AssessmentChain.Content c = content(1, AssessmentChain.GENESIS, "why");
        assertNotEquals(AssessmentChain.hash(c), AssessmentChain.hash(withPurpose(c, "why ")));
    }

    @Test
    void anIntactChainVerifies() {
        List<Row> rows = chain(5);
        AssessmentChain.Verifier v = new AssessmentChain.Verifier();
        rows.forEach(r -> assertNull(v.next(r.content(), r.hash())));
        assertEquals(5, v.checked());
        assertEquals(rows.get(4).hash(), v.lastHash());
    }

    @Test
    void aChangedRecordIsReported() {
        List<Row> rows = chain(4);
        rows.set(2, new Row(withPurpose(rows.get(2).content(), "something else"), rows.get(2).hash()));
        AssessmentChain.Break b = verify(rows);
        assertEquals(3, b.sequence());
        assertEquals("its content does not match its hash: it was changed after it was recorded", b.reason());
    }

    @Test
    void aChangedRecordWithARewrittenHashBreaksTheNextLink() {
        List<Row> rows = chain(4);
        AssessmentChain.Content changed = withPurpose(rows.get(1).content(), "something else");
        rows.set(1, new Row(changed, AssessmentChain.hash(changed)));
        AssessmentChain.Break b = verify(rows);
        assertEquals(3, b.sequence());
        assertTrue(b.reason().startsWith("its previous hash does not match the hash of record 2"), b.reason());
    }

    @Test
    void aRemovedRecordIsReported() {
        List<Row> rows = chain(4);
        rows.remove(1);
        AssessmentChain.Break b = verify(rows);
        assertEquals(3, b.sequence());
        assertEquals("record 2 is missing: the chain jumps from 1 to 3", b.reason());
        List<Row> two = chain(5);
        two.remove(1);
        two.remove(1);
        assertEquals("records 2 to 3 are missing: the chain jumps from 1 to 4", verify(two).reason());
    }

    @Test
    void removingTheFirstRecordsIsReported() {
        List<Row> rows = chain(3);
        rows.remove(0);
        assertEquals("record 1 is missing: the chain jumps from 0 to 2", verify(rows).reason());
    }

    @Test
    void aChainRewrittenConsistentlyIsCaughtByTheHashesPublishedWhenItWasRecorded() {
        List<Row> rows = chain(4);
        Map<Long, String> published = new HashMap<>();
        rows.forEach(r -> published.put(r.content().sequence(), r.hash()));
        // Record 2 changed and every hash from it on recomputed: the table's chain holds on its own...
        List<Row> rewritten = new ArrayList<>(rows.subList(0, 1));
        String previous = rows.get(0).hash();
        for (Row r : rows.subList(1, 4)) {
            AssessmentChain.Content c = withPrevious(r.content().sequence() == 2 ? withPurpose(r.content(), "something else") : r.content(), previous);
            previous = AssessmentChain.hash(c);
            rewritten.add(new Row(c, previous));
        }
        assertNull(verify(rewritten));
        // ...but not against what was published: record 2 is named.
        AssessmentChain.Verifier v = new AssessmentChain.Verifier(published);
        rewritten.forEach(r -> v.next(r.content(), r.hash()));
        assertEquals(2, v.broken().sequence());
        assertEquals("its hash differs from the one published when it was recorded: the chain was rewritten in the database", v.broken().reason());
        assertEquals(1, v.checked());
        // Records not yet published are checked on their own.
        AssessmentChain.Verifier partly = new AssessmentChain.Verifier(Map.of(1L, rows.get(0).hash()));
        rows.forEach(r -> partly.next(r.content(), r.hash()));
        assertNull(partly.broken());
        assertEquals(4, partly.checked());
    }

    private static AssessmentChain.Content withPrevious(AssessmentChain.Content c, String previous) {
        return new AssessmentChain.Content(c.sequence(), c.assessmentId(), c.postId(), c.odsCode(), c.region(), c.organisationType(), c.role(),
                c.credible(), c.purpose(), c.askedBy(), c.recordedAt(), c.asOf(), c.answer(), c.positions(), previous);
    }
}
