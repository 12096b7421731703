package org.understudy.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.candidate.domain.PersonalDataRead;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "PersonalDataRead", description = "One response that disclosed a candidate's personal data")
public record PersonalDataReadResponse(
        long readId,
        UUID candidateId,
        @Schema(description = "Who read it: the verified token's principal (upn, else sub)")
        String reader,
        @Schema(description = "Method and path template", examples = "GET /api/v1/candidates/{candidateId}")
        String endpoint,
        OffsetDateTime readAt) {

    static PersonalDataReadResponse of(PersonalDataRead r) {
        return new PersonalDataReadResponse(r.readId, r.candidateId, r.reader, r.endpoint, r.readAt);
    }
}
