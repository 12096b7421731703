package org.understudy.succession.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The hash chain of recorded assessments. Each record's hash is the SHA-256 of its canonical
 * content, which includes the previous record's hash: changing, removing or reordering a record
 * breaks the chain at that record or the one after it. Pure.
 *
 * <p>Canonical content: a JSON object with the fields below, keys in code-point order (as {@link String#compareTo}), no
 * whitespace, instants as ISO-8601 UTC ({@link Instant#toString()}), the answer and positions as the
 * exact JSON text stored, absent values as null; UTF-8.
 */
public final class AssessmentChain {
    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AssessmentChain() {
    }

    /** Everything a record's hash covers: all of its columns but the hash itself. */
    public record Content(long sequence, UUID assessmentId, UUID postId, String odsCode, String region, String organisationType,
                          String role, boolean credible, String purpose, String askedBy, Instant recordedAt, Instant asOf,
                          String answer, String positions, String previousHash) {
    }

    public static String canonical(Content c) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("answer", c.answer());
        fields.put("askedBy", c.askedBy());
        fields.put("asOf", c.asOf() == null ? null : c.asOf().toString());
        fields.put("assessmentId", Objects.toString(c.assessmentId(), null));
        fields.put("credible", c.credible());
        fields.put("odsCode", c.odsCode());
        fields.put("organisationType", c.organisationType());
        fields.put("positions", c.positions());
        fields.put("postId", Objects.toString(c.postId(), null));
        fields.put("previousHash", c.previousHash());
        fields.put("purpose", c.purpose());
        fields.put("recordedAt", c.recordedAt() == null ? null : c.recordedAt().toString());
        fields.put("region", c.region());
        fields.put("role", c.role());
        fields.put("sequence", c.sequence());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment content is not serialisable", e);
        }
    }

    /** SHA-256 of the canonical content, lower-case hex (64 characters). */
    public static String hash(Content c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(c).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Where the chain first fails: the record (by sequence and id) and why, in plain words. */
    public record Break(long sequence, UUID assessmentId, String reason) {
    }

    /**
     * Walks the chain record by record, in sequence order, and stops at the first that fails: a gap
     * in the sequence (a record removed), a previous hash that is not the hash of the record before
     * (a record before it removed or its hash rewritten), or content that does not match its own
     * hash (changed after it was recorded), or a hash that differs from the one published when the record
     * was recorded (the chain rewritten, consistently, in the database).
     */
    public static final class Verifier {
        private final Map<Long, String> published;
        private long checked;
        private long lastSequence;
        private String lastHash = GENESIS;
        private Break broken;

        /** Checks the records alone. */
        public Verifier() {
            this(Map.of());
        }

        /** @param published each record's hash as published when it was recorded, by sequence (records not yet published are absent) */
        public Verifier(Map<Long, String> published) {
            this.published = Map.copyOf(published);
        }

        /** @return the break, once found (later records are not looked at); null while the chain holds */
        public Break next(Content content, String storedHash) {
            if (broken != null) {
                return broken;
            }
            long expected = lastSequence + 1;
            if (content.sequence() != expected) {
                long lastMissing = content.sequence() - 1;
                broken = new Break(content.sequence(), content.assessmentId(), content.sequence() > expected
                        ? (lastMissing == expected ? "record " + expected + " is" : "records " + expected + " to " + lastMissing + " are")
                        + " missing: the chain jumps from " + lastSequence + " to " + content.sequence()
                        : "its sequence number " + content.sequence() + " repeats or goes back (expected " + expected + ")");
            } else if (!lastHash.equals(content.previousHash())) {
                broken = new Break(content.sequence(), content.assessmentId(), lastSequence == 0
                        ? "it is the first record but its previous hash is not the genesis value (records before it were removed)"
                        : "its previous hash does not match the hash of record " + lastSequence
                        + " (that record's hash was rewritten, or a record between them was removed)");
            } else if (!hash(content).equals(storedHash)) {
                broken = new Break(content.sequence(), content.assessmentId(),
                        "its content does not match its hash: it was changed after it was recorded");
            } else if (published.containsKey(content.sequence()) && !published.get(content.sequence()).equals(storedHash)) {
                broken = new Break(content.sequence(), content.assessmentId(),
                        "its hash differs from the one published when it was recorded: the chain was rewritten in the database");
            } else {
                checked++;
                lastSequence = content.sequence();
                lastHash = storedHash;
            }
            return broken;
        }

        /** Records that passed. */
        public long checked() {
            return checked;
        }

        /** The hash of the last record that passed (the genesis value before any). */
        public String lastHash() {
            return lastHash;
        }

        public Break broken() {
            return broken;
        }
    }
}
