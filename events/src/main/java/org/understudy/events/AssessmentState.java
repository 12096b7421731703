package org.understudy.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A recorded dismissal-readiness assessment's place in the hash chain, as published when it was recorded:
 * no answer, no post, no one's name, only what anchors the chain.
 */
public record AssessmentState(UUID assessmentId, long sequence, String recordHash, String previousHash, OffsetDateTime recordedAt) {
}
