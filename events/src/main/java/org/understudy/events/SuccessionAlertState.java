package org.understudy.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A post whose replaceability fell (to NONE, or below the level set for challenged segments).
 * {@code from} and {@code to} are NONE, THIN, VIABLE or STRONG.
 */
public record SuccessionAlertState(UUID postId, String odsCode, BoardRole role, Region region, Integer oversightSegment,
                                   String from, String to, int readyNow, OffsetDateTime effectiveAt, String cause) {
}
