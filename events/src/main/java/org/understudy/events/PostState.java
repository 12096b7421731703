package org.understudy.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The full state of a post (a board role at an organisation), as carried in post events.
 * The incumbent appears only as a candidate id (null for someone not in the pipeline): their
 * name stays in vacancy-service.
 */
public record PostState(UUID postId, String odsCode, BoardRole role, Incumbent incumbent, Departure lastDeparture,
                        InterimCover interimCover) {

    public PostState(UUID postId, String odsCode, BoardRole role) {
        this(postId, odsCode, role, null, null, null);
    }

    public PostState(UUID postId, String odsCode, BoardRole role, Incumbent incumbent, Departure lastDeparture) {
        this(postId, odsCode, role, incumbent, lastDeparture, null);
    }

    /**
     * Someone named to cover the post as interim if its leader had to go at once (a candidate id, or
     * null for someone outside the pipeline), and since when.
     */
    public record InterimCover(UUID candidateId, LocalDate namedOn) {
    }

    /** Who holds the post now, since when, and whether as an interim. */
    public record Incumbent(UUID candidateId, LocalDate since, boolean interim) {
    }

    /** How the last incumbent left. */
    public record Departure(LocalDate date, LeavingReason reason) {
    }
}
