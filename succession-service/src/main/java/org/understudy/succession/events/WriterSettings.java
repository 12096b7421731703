package org.understudy.succession.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** How the view's writer runs ({@code understudy.writer.*}); see docs/succession-view.md, "One writer, standbys". */
@ConfigMapping(prefix = "understudy.writer")
public interface WriterSettings {
    /** Whether this instance may take the writer's role at all (false: a standby for good, it serves reads only). */
    @WithDefault("true")
    boolean enabled();

    /** How this instance names itself as writer (default: the service's name, host and HTTP port). */
    Optional<String> instance();

    /** Where this instance's API answers, as other instances should name it (default: http://host:port). */
    Optional<String> url();

    /** How often a standby asks for the writer's role. */
    @WithDefault("PT1S")
    Duration acquireEvery();

    /** How long a poll waits for records when there are none. */
    @WithDefault("PT0.1S")
    Duration pollTimeout();

    /** The most records one poll (and so one change-set) takes. */
    @WithDefault("2000")
    int maxPollRecords();

    /** How often an idle writer checks that its connection (and with it the role) is still there. */
    @WithDefault("PT2S")
    Duration heartbeat();

    /** Threads that read and check records while the writer folds (a large poll is read in parallel). */
    @WithDefault("2")
    int readThreads();
}
