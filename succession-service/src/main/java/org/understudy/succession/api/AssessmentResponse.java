package org.understudy.succession.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.DismissalAssessment;
import org.understudy.succession.domain.ReadinessReport;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A recorded assessment, exactly as stored. */
@Schema(name = "Assessment")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AssessmentResponse(
        UUID assessmentId,
        @Schema(description = "Its place in the chain: 1, 2, 3 ...") long sequence,
        UUID postId,
        String odsCode,
        Region region,
        OrganisationType organisationType,
        BoardRole role,
        boolean credible,
        String purpose,
        @Schema(description = "Who recorded it: the verified token's principal") String askedBy,
        OffsetDateTime recordedAt,
        @Schema(description = "The instant the answer is for; null when it was the live view at recordedAt") OffsetDateTime asOf,
        @Schema(description = "The dismissal-readiness answer as it was given", implementation = ReadinessReport.class) JsonNode answer,
        @Schema(description = "The event positions the view reflected: for each topic-partition, the highest offset applied") JsonNode positions,
        @Schema(description = "The hash of the record before (64 zeros for the first)") String previousHash,
        @Schema(description = "SHA-256 of this record's canonical content, hex") String hash,
        @Schema(description = "The query that answers as of the same instant (the assessment's asOf, or its recordedAt)") String reproduce) {

    static AssessmentResponse of(DismissalAssessment a, ObjectMapper json) {
        OffsetDateTime answeredAt = a.asOf != null ? a.asOf : a.recordedAt;
        return new AssessmentResponse(a.assessmentId, a.sequence, a.postId, a.odsCode, a.region, a.organisationType, a.role, a.credible,
                a.purpose, a.askedBy, utc(a.recordedAt), utc(a.asOf), tree(a.answer, json), tree(a.positions, json), a.previousHash,
                a.recordHash, "/api/v1/succession/posts/" + a.postId + "/dismissal-readiness?asOf=" + utc(answeredAt));
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The stored JSON as a tree; text that is not JSON (a tampered row) is shown as it is. */
    private static JsonNode tree(String text, ObjectMapper json) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
