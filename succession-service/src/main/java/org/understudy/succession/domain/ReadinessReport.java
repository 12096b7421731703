package org.understudy.succession.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The dismissal-readiness answer for a post, live or as of an instant: what the API returns and what
 * an assessment stores. Organisation details are the current ones (as in every as-of answer).
 *
 * @param summary one sentence saying whether a dismissal would be credible, and why
 * @param basedOn the history entry the numbers come from (the change that made them what they are)
 * @param asOf    the instant asked for; null for the live view
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReadinessReport(UUID postId, String odsCode, String organisationName, Region region, OrganisationType organisationType,
                              Integer oversightSegment, BoardRole role, boolean credible, String summary, Numbers numbers,
                              List<DismissalReadiness.Reason> reasons, BasedOn basedOn, OffsetDateTime asOf) {

    /**
     * The numbers behind the answer.
     *
     * @param minimumReadyNow   people ready now needed for a credible dismissal (configuration)
     * @param lastShortlistSize the shortlist of the post's most recent vacancy; null when it never had one
     * @param interimCover      who is named to cover as interim; null when no one is
     */
    public record Numbers(int readyNow, int namedReadyNow, int poolReadyNow, int readySoon, int minimumReadyNow,
                          Integer lastShortlistSize, InterimCover interimCover, RecentExits recentExits) {
    }

    /**
     * An opaque candidate id (null for someone outside the pipeline), the day they were named, and whether
     * they count toward a credible dismissal: VETTED, or why not (NOT_A_PIPELINE_CANDIDATE, THE_INCUMBENT,
     * NOT_ACTIVE, FIT_AND_PROPER_NOT_VALID).
     */
    public record InterimCover(UUID candidateId, LocalDate namedOn, InterimVetting.Outcome vetting) {
    }

    /**
     * The region's most recent exits from the post's role.
     *
     * @param window     how many the reasons look at (configuration)
     * @param considered how many there were, at most the window
     * @param voluntary  of which resigned, retired or moved
     * @param mutualAgreement of which by mutual agreement (a settlement: neither voluntary nor a dismissal)
     * @param dismissed  of which dismissals
     * @param upTo       exits dated on or before this day
     */
    public record RecentExits(int window, int considered, int voluntary, int mutualAgreement, int dismissed, LocalDate upTo) {
    }

    /** A history entry: from when the numbers held, what caused them, and the event (null for an expiry). */
    public record BasedOn(OffsetDateTime effectiveAt, String cause, UUID eventId, String topic, Integer partition, Long offset) {
    }
}
