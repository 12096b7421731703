package org.understudy.succession.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where an applied event came from: its id, its record's place in Kafka, and when it happened. */
public record EventPosition(UUID eventId, String type, String topic, int partition, long offset, OffsetDateTime time) {
}
