package org.understudy.platform.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How imports run ({@code understudy.imports.*}). */
@ConfigMapping(prefix = "understudy.imports")
public interface ImportSettings {
    /** The largest file an import takes; a larger one is refused with 413. */
    @WithDefault("32M")
    MemorySize maxFileSize();

    /** Rows applied in one transaction; a chunk with a refused row is applied again row by row. */
    @WithDefault("250")
    int chunkSize();

    /**
     * How often the instance holding a queued or running job says so; a job not heard of for four times
     * this is marked FAILED (the instance stopped).
     */
    @WithDefault("PT30S")
    Duration heartbeat();

    /** Row problems a job lists (all are counted). */
    @WithDefault("1000")
    int maxProblemsListed();
}
