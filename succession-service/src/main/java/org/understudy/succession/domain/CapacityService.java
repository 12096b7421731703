package org.understudy.succession.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.events.Region;
import org.understudy.succession.persistence.DecisionSupportRepository;
import org.understudy.succession.persistence.ViewVersion;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Consequence capacity and knock-on, from a cached copy of the ready-now graph (every post and who
 * is ready now for it). The copy is labelled with the view's version ({@link ViewVersion}, moved on
 * by every change of who counts where, on any instance); each call reads the version (one small
 * query) and reloads the graph only when it has moved. Results per region are cached with the copy.
 */
@ApplicationScoped
public class CapacityService {
    @Inject
    DecisionSupportRepository figures;

    @Inject
    ViewVersion version;

    @Inject
    SuccessionSettings settings;

    private record Snapshot(long version, ConsequenceCapacity.Graph graph,
                            ConcurrentMap<ConsequenceCapacity.Scope, ConsequenceCapacity.Result> results) {
    }

    /** A capacity and the view version it was computed at. */
    public record Answer(ConsequenceCapacity.Result result, long viewVersion) {
    }

    /** A knock-on and the view version it was computed at (null knockOn: the post is unknown). */
    public record KnockOnAnswer(ConsequenceCapacity.KnockOn knockOn, long viewVersion) {
    }

    private volatile Snapshot snapshot;
    private final Object reload = new Object();

    /** The capacity of a region, of an integrated care board (its ODS code), of both, or (both null) of the country. */
    @Transactional
    public Answer capacity(Region region, String integratedCareBoard) {
        Snapshot s = current();
        return new Answer(s.results().computeIfAbsent(new ConsequenceCapacity.Scope(region, integratedCareBoard),
                scope -> ConsequenceCapacity.of(s.graph(), scope, settings.capacity().watchedSegments())), s.version());
    }

    @Transactional
    public KnockOnAnswer knockOn(UUID postId) {
        Snapshot s = current();
        return new KnockOnAnswer(ConsequenceCapacity.knockOn(s.graph(), postId, settings.capacity().watchedSegments()), s.version());
    }

    /** Loads the graph and computes, bypassing the cache: what a call costs right after the view changed. */
    @Transactional
    public ConsequenceCapacity.Result uncached(Region region) {
        return ConsequenceCapacity.of(figures.readyNowGraph(), ConsequenceCapacity.Scope.of(region), settings.capacity().watchedSegments());
    }

    private Snapshot current() {
        long v = version.current(); // before the graph: a copy is never labelled newer than what it holds
        Snapshot s = snapshot;
        if (s != null && s.version() >= v) {
            return s;
        }
        synchronized (reload) {
            s = snapshot;
            if (s != null && s.version() >= v) {
                return s;
            }
            s = new Snapshot(v, figures.readyNowGraph(), new ConcurrentHashMap<>());
            snapshot = s;
            return s;
        }
    }
}
