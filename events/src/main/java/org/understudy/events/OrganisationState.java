package org.understudy.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The full state of an organisation (an NHS trust), as carried in organisation events.
 *
 * @param oversightSegment         the NHS Oversight Framework segment, 1 (best) to 5; null until the regulator sets it
 * @param oversightSegmentSince    the day the regulator's segment took effect; null when unset or not recorded
 * @param oversightSegmentSetBy    who set the segment (the caller's user name); null when unset or not recorded
 * @param oversightSegmentSetAt    when the segment was set; null when unset or not recorded
 */
public record OrganisationState(
        String odsCode,
        String name,
        Region region,
        OrganisationType organisationType,
        boolean foundationTrust,
        String integratedCareBoardCode,
        Integer oversightSegment,
        LocalDate oversightSegmentSince,
        String oversightSegmentSetBy,
        OffsetDateTime oversightSegmentSetAt) {

    /** A state without a record of who set the segment (as version-1 events carried it). */
    public OrganisationState(String odsCode, String name, Region region, OrganisationType organisationType,
                             boolean foundationTrust, String integratedCareBoardCode, Integer oversightSegment) {
        this(odsCode, name, region, organisationType, foundationTrust, integratedCareBoardCode, oversightSegment, null, null, null);
    }
}
