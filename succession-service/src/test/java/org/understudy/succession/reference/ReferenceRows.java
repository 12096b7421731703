package org.understudy.succession.reference;

import org.understudy.succession.domain.PostSuccessionHistory;

/** The service's history rows in the model's terms, to compare them. */
final class ReferenceRows {
    private ReferenceRows() {
    }

    static ReferenceView.Row of(PostSuccessionHistory h) {
        return new ReferenceView.Row(h.effectiveAt, h.cause, h.readyNow, h.readySoon, h.namedReadyNow, h.poolReadyNow,
                h.replaceability.name(), h.applicants, h.shortlisted, h.lastShortlistSize, h.incumbentCandidateId,
                h.interimCandidateId, h.interimNamedOn);
    }
}
