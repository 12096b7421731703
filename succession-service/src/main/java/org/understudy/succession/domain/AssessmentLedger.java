package org.understudy.succession.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.succession.persistence.AssessmentRepository;
import org.understudy.succession.persistence.DecisionSupportRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records dismissal-readiness assessments, append-only and hash-chained, and verifies the chain.
 *
 * <p>Recording takes the chain's lock (one append at a time, so each record links to the last), then
 * the view's lock (the writer's change-sets take it too, so the answer and the event positions
 * describe one state of the view), and stores the answer, the highest applied offset of each
 * topic-partition, who asked, when and why. Any instance records: the view it reads is the stored one.
 */
@ApplicationScoped
public class AssessmentLedger {
    private static final int VERIFY_BATCH = 500;

    @Inject
    AssessmentRepository assessments;

    @Inject
    DecisionSupportRepository figures;

    @Inject
    DismissalReadinessService readiness;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** What verification found. */
    public record Verification(boolean intact, long records, long verified, long lastSequence, String lastHash,
                               AssessmentChain.Break firstBroken, OffsetDateTime verifiedAt) {
    }

    /**
     * @param asOf    the instant to answer for (null: the live view); not in the future
     * @param askedBy who asked (see the API's Requester)
     */
    @Transactional
    public DismissalAssessment record(UUID postId, String purpose, OffsetDateTime asOf, String askedBy) {
        OffsetDateTime instant = asOf == null ? null : asOf.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (instant != null && instant.isAfter(OffsetDateTime.now(clock))) {
            throw ApiProblem.badRequest("asOf", "must not be in the future");
        }
        assessments.lockChain();
        figures.lockView();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        ReadinessReport report = instant == null ? readiness.live(postId) : readiness.asOf(postId, instant);
        List<DecisionSupportRepository.Position> positions = figures.appliedPositions();
        AssessmentRepository.Head head = assessments.head();

        DismissalAssessment a = new DismissalAssessment();
        a.sequence = head.sequence() + 1;
        a.assessmentId = UUID.randomUUID();
        a.postId = report.postId();
        a.odsCode = report.odsCode();
        a.region = report.region();
        a.organisationType = report.organisationType();
        a.role = report.role();
        a.credible = report.credible();
        a.purpose = purpose;
        a.askedBy = askedBy;
        a.recordedAt = now;
        a.asOf = instant;
        a.answer = write(report);
        a.positions = write(Map.of("appliedUpTo", positions));
        a.previousHash = head.hash();
        a.recordHash = AssessmentChain.hash(a.content());
        assessments.persist(a);
        return a;
    }

    /**
     * Walks the whole chain in order; stops at the first record that fails.
     *
     * @param published each record's hash as published when it was recorded, by sequence (see AssessmentChain.Verifier)
     */
    @Transactional
    public Verification verify(Map<Long, String> published) {
        AssessmentChain.Verifier verifier = new AssessmentChain.Verifier(published);
        long after = 0;
        long records = assessments.count();
        long lastSequence = 0;
        while (verifier.broken() == null) {
            List<AssessmentRepository.Stored> batch = assessments.rawAfter(after, VERIFY_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (AssessmentRepository.Stored s : batch) {
                if (verifier.next(s.content(), s.hash()) != null) {
                    break;
                }
                lastSequence = s.content().sequence();
            }
            after = batch.get(batch.size() - 1).content().sequence();
        }
        return new Verification(verifier.broken() == null, records, verifier.checked(), lastSequence, verifier.lastHash(),
                verifier.broken(), OffsetDateTime.now(clock));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
