package org.understudy.succession.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live stream ({@code understudy.stream.*}). */
@ConfigMapping(prefix = "understudy.stream")
public interface StreamSettings {
    /**
     * Posts read from the database at a time for a new client's first state: every matching post is
     * sent, a page at a time, so that a national view is never held whole in memory for one client.
     */
    @WithDefault("1000")
    int snapshotPageSize();
}
