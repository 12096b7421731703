package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.understudy.events.Region;
import org.understudy.succession.domain.AssessmentChain;
import org.understudy.succession.domain.DismissalAssessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Recorded assessments (table dismissal_assessment): appended, listed, and read back raw for verification. */
@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<DismissalAssessment, Long> {
    /** Serialises appends to the chain, on every instance sharing the database ("Assessmt"). */
    private static final long CHAIN_LOCK = 0x4173_7365_7373_6d74L;

    /** Filters of the listing; null means any. {@code from} and {@code to} bound recordedAt, inclusive. */
    public record Filter(UUID postId, String odsCode, Region region, OffsetDateTime from, OffsetDateTime to) {
    }

    /** The last record of the chain: its sequence and hash (sequence 0 and the genesis value when there is none). */
    public record Head(long sequence, String hash) {
    }

    /** Takes the chain's lock until the transaction ends: one append at a time, so that each links to the last. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockChain() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", CHAIN_LOCK).getSingleResult();
    }

    public Head head() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT seq, record_hash FROM dismissal_assessment ORDER BY seq DESC LIMIT 1").getResultList();
        return rows.isEmpty() ? new Head(0, AssessmentChain.GENESIS)
                : new Head(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]);
    }

    public List<DismissalAssessment> search(Filter f, int page, int size) {
        Parameters params = new Parameters();
        return find(where(f, params), Sort.descending("sequence"), params).page(Page.of(page, size)).list();
    }

    public long count(Filter f) {
        Parameters params = new Parameters();
        return count(where(f, params), params);
    }

    public DismissalAssessment findByAssessmentId(UUID id) {
        return find("assessmentId", id).firstResult();
    }

    private static String where(Filter f, Parameters params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("1 = 1");
        if (f.postId() != null) {
            clauses.add("postId = :postId");
            params.and("postId", f.postId());
        }
        if (f.odsCode() != null) {
            clauses.add("odsCode = :odsCode");
            params.and("odsCode", f.odsCode());
        }
        if (f.region() != null) {
            clauses.add("region = :region");
            params.and("region", f.region());
        }
        if (f.from() != null) {
            clauses.add("recordedAt >= :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            clauses.add("recordedAt <= :to");
            params.and("to", f.to());
        }
        return String.join(" AND ", clauses);
    }

    /**
     * Up to {@code limit} records after a sequence number, in order, read as the raw column values
     * (not as entities: a tampered row must be reported, not fail to load).
     */
    @SuppressWarnings("unchecked")
    public List<Stored> rawAfter(long sequence, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT seq, assessment_id, post_id, ods_code, region, organisation_type, role, credible, purpose,
                               asked_by, recorded_at, as_of, answer, positions, previous_hash, record_hash
                        FROM dismissal_assessment WHERE seq > :after ORDER BY seq LIMIT :limit""")
                .setParameter("after", sequence).setParameter("limit", limit).getResultList();
        List<Stored> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Stored(new AssessmentChain.Content(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (Boolean) r[7], (String) r[8], (String) r[9],
                    instant(r[10]), instant(r[11]), (String) r[12], (String) r[13], (String) r[14]), (String) r[15]));
        }
        return out;
    }

    /** A record as stored: what its hash covers, and the hash. */
    public record Stored(AssessmentChain.Content content, String hash) {
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
