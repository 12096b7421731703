package org.understudy.succession.domain;

import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.Validity;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/**
 * Whether the interim named to cover a post could lawfully step in on a given day, so that it counts
 * toward a credible dismissal (docs/succession-view.md, "Interim cover"): a pipeline candidate, not the
 * post's incumbent, active (not withdrawn or erased), with a fit-and-proper check that holds on that day
 * (the rule the counting uses, {@link Validity}: not failed, dated, within its validity).
 *
 * @param fitCheckValidFor how long a fit-and-proper check holds (the same setting the counting rules use)
 */
public record InterimVetting(Period fitCheckValidFor) {

    /** The outcome; every one but {@link #NONE} and {@link #VETTED} says why a named interim does not count. */
    public enum Outcome {
        NONE("no interim is named"),
        VETTED("an interim is named: a pipeline candidate with a valid fit-and-proper check"),
        NOT_A_PIPELINE_CANDIDATE("the interim named is not a candidate in the pipeline, so nothing says they could step in"),
        THE_INCUMBENT("the interim named is the post's own incumbent"),
        NOT_ACTIVE("the interim named has withdrawn from the pipeline or been erased"),
        FIT_AND_PROPER_NOT_VALID("the interim named has no fit-and-proper check valid on the day");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        /** The outcome in plain words, for the reasons. */
        public String words() {
            return words;
        }

        public boolean named() {
            return this != NONE;
        }
    }

    /** What the view holds about the candidate named as interim. */
    public record Candidate(CandidateStatus status, FitAndProperStatus fitStatus, LocalDate fitCheckedOn) {
    }

    /**
     * @param interimNamedOn       the day the interim was named; null when none is
     * @param interimCandidateId   their candidate id; null for someone named by name only
     * @param incumbentCandidateId the post's incumbent's candidate id (null when not in the pipeline)
     * @param candidate            what the view holds about the interim candidate; null when it holds nothing
     */
    public Outcome vet(LocalDate interimNamedOn, UUID interimCandidateId, UUID incumbentCandidateId, Candidate candidate, LocalDate day) {
        if (interimNamedOn == null) {
            return Outcome.NONE;
        }
        if (interimCandidateId == null || candidate == null) {
            return Outcome.NOT_A_PIPELINE_CANDIDATE;
        }
        if (interimCandidateId.equals(incumbentCandidateId)) {
            return Outcome.THE_INCUMBENT;
        }
        if (candidate.status() != CandidateStatus.ACTIVE) {
            return Outcome.NOT_ACTIVE;
        }
        LocalDate checkedOn = candidate.fitCheckedOn();
        LocalDate endsOn = Validity.fitAndProperEndsOn(candidate.fitStatus(), checkedOn, fitCheckValidFor);
        if (endsOn == null || checkedOn.isAfter(day) || !day.isBefore(endsOn)) {
            return Outcome.FIT_AND_PROPER_NOT_VALID;
        }
        return Outcome.VETTED;
    }
}
