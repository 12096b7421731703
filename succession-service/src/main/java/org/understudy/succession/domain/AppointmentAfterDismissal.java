package org.understudy.succession.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A post held by someone whose most recent exit before they started it was a dismissal (the summary's
 * appointmentsAfterDismissal, one by one): the post and its organisation, when they started, the
 * dismissal (from where, its current segment, when, from which role), and, where the new organisation
 * oversees trusts (a regional team: its region's; an integrated care board: those naming it as theirs),
 * how many of those trusts are in each oversight segment.
 */
@Schema(name = "AppointmentAfterDismissal")
public record AppointmentAfterDismissal(UUID postId, BoardRole role, Place organisation, UUID incumbentCandidateId, LocalDate appointedOn,
                                        Dismissal dismissal,
                                        @Schema(description = "Trusts this organisation oversees, by oversight segment (\"1\" to \"5\", \"UNSET\"); empty when it oversees none")
                                        Map<String, Integer> overseenTrustsBySegment) {

    /** An organisation as the view knows it now (name and segment null when its event has not arrived). */
    public record Place(String odsCode, String name, OrganisationType organisationType, Region region, Integer oversightSegment,
                        String integratedCareBoard) {
    }

    /** The dismissal: when, from which organisation and role; {@code daysBefore} the appointment. */
    public record Dismissal(LocalDate date, Place organisation, BoardRole role, long daysBefore) {
    }
}
