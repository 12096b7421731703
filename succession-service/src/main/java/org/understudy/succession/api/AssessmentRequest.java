package org.understudy.succession.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Recording a dismissal-readiness assessment. */
@Schema(name = "AssessmentRequest")
public record AssessmentRequest(
        @NotNull(message = "is required") UUID postId,
        @Schema(description = "Why the assessment is recorded, in free text (e.g. the decision or meeting it informs)", maxLength = 2000)
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String purpose,
        @Schema(description = "Answer as of this ISO-8601 instant or date (not in the future); omit for the live view")
        @Size(max = 40, message = "must be at most 40 characters") String asOf) {
}
