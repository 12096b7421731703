package org.understudy.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Someone whose most recent exit was a dismissal was appointed to a post: the post and its organisation,
 * the appointee as an opaque candidate id, and the dismissal (when, from which organisation and role).
 */
public record AppointmentAlertState(UUID postId, String odsCode, BoardRole role, Region region, Integer oversightSegment,
                                    UUID candidateId, LocalDate appointedOn, LocalDate dismissedOn, String dismissedFromOdsCode,
                                    BoardRole dismissedFromRole, OffsetDateTime effectiveAt, String cause) {
}
