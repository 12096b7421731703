package org.understudy.candidate.successors;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Where succession-service answers, for the successor lists this service puts names to. */
@ConfigMapping(prefix = "understudy.succession-service")
public interface SuccessionServiceSettings {
    /** Its base URL, e.g. http://127.0.0.1:8083 locally, http://succession-service on Kubernetes. */
    String url();

    /** How long to wait for its answer. */
    Duration timeout();
}
