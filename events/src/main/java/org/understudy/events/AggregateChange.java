package org.understudy.events;

import java.util.List;

/**
 * Event-carried state: the aggregate's full new state, its version (grows by one per change)
 * and the names of the fields that changed. A consumer upserts by version and ignores
 * anything not newer, which makes replays, duplicates and reordering harmless.
 *
 * @param <S> the state type of the aggregate
 */
public record AggregateChange<S>(long version, List<String> changed, S state) {
}
