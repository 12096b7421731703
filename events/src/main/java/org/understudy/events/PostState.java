package org.understudy.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The full state of a post (a board role at an organisation), as carried in post events.
 * The incumbent appears only as a candidate id (null for someone not in the pipeline): their
 * name stays in vacancy-service.
 */
public record PostState(UUID postId, String odsCode, BoardRole role, Incumbent incumbent, Departure lastDeparture) {

    public PostState(UUID postId, String odsCode, BoardRole role) {
        this(postId, odsCode, role, null, null);
    }

    /** Who holds the post now, since when, and whether as an interim. */
    public record Incumbent(UUID candidateId, LocalDate since, boolean interim) {
    }

    /** How the last incumbent left. */
    public record Departure(LocalDate date, LeavingReason reason) {
    }
}
