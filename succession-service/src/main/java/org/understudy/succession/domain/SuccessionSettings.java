package org.understudy.succession.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The configurable parts of the succession rules ({@code understudy.succession.*}). */
@ConfigMapping(prefix = "understudy.succession")
public interface SuccessionSettings {
    ReplaceabilityLevels replaceability();

    interface ReplaceabilityLevels {
        @WithDefault("1")
        int thin();

        @WithDefault("2")
        int viable();

        @WithDefault("3")
        int strong();
    }

    default ReplaceabilityThresholds thresholds() {
        return new ReplaceabilityThresholds(replaceability().thin(), replaceability().viable(), replaceability().strong());
    }
}
