package org.understudy.succession.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a rebuild reads the topics ({@code understudy.rebuild.*}). */
@ConfigMapping(prefix = "understudy.rebuild")
public interface RebuildSettings {
    /**
     * Records fetched (and read) at a time. Two batches are alive at once (one folded, one read); large
     * batches outlive the young generation and fill the old one.
     */
    @WithDefault("500")
    int batchSize();
}
