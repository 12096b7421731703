package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A departure recorded on a post in vacancy-service, as the view saw it arrive: who left (their candidate
 * id when they were in the pipeline, else null), when and why. The exit figures count these with the
 * career exits candidate-service records, once each (docs/succession-view.md, "Exits").
 */
public record PostDeparture(UUID postId, String odsCode, BoardRole role, LocalDate date, LeavingReason reason, UUID candidateId) {
}
