package org.understudy.events;

/** Whether a candidate is in the pipeline. ERASED: personal data removed for good, also withdrawn. */
public enum CandidateStatus {
    ACTIVE, WITHDRAWN, ERASED
}
