package org.understudy.succession.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;
import java.util.Set;

/** The configurable parts of the succession rules ({@code understudy.succession.*}). */
@ConfigMapping(prefix = "understudy.succession")
public interface SuccessionSettings {
    ReplaceabilityLevels replaceability();

    /** A readiness assessment older than this no longer counts (ISO-8601 period). */
    @WithDefault("P18M")
    Period staleAfter();

    /** A fit-and-proper check older than this has lapsed. */
    @WithDefault("P12M")
    Period fitCheckValidFor();

    /** Posts in these oversight segments count only candidates who would consider a challenged organisation. */
    @WithDefault("4,5")
    Set<Integer> challengedSegments();

    /** How often time is let pass when no event arrives (assessments going stale, checks lapsing). */
    @WithDefault("PT10M")
    Duration expiryInterval();

    /** Posts in challenged segments raise an alert when their replaceability falls below this. */
    @WithDefault("VIABLE")
    Replaceability challengedAlertBelow();

    /** Dismissal readiness ({@code understudy.succession.dismissal.*}). */
    Dismissal dismissal();

    /** Consequence capacity ({@code understudy.succession.capacity.*}). */
    Capacity capacity();

    interface Dismissal {
        /** A dismissal is credible when at least this many people are ready now (or an interim is named). */
        @WithDefault("2")
        int minimumReadyNow();

        /** How many of the region's most recent exits from the post's role the reasons look at. */
        @WithDefault("3")
        int recentExits();
    }

    interface Capacity {
        /** Oversight segments whose posts are shown beside the capacity (by default 3 to 5). */
        @WithDefault("3,4,5")
        Set<Integer> watchedSegments();
    }

    interface ReplaceabilityLevels {
        @WithDefault("1")
        int thin();

        @WithDefault("2")
        int viable();

        @WithDefault("3")
        int strong();
    }

    default SuccessionRules rules() {
        return new SuccessionRules(staleAfter(), fitCheckValidFor(), challengedSegments());
    }

    default AlertRule alertRule() {
        return new AlertRule(challengedAlertBelow(), challengedSegments());
    }

    default InterimVetting interimVetting() {
        return new InterimVetting(fitCheckValidFor());
    }

    default DismissalReadiness dismissalReadiness() {
        return new DismissalReadiness(dismissal().minimumReadyNow(), dismissal().recentExits());
    }

    default ReplaceabilityThresholds thresholds() {
        return new ReplaceabilityThresholds(replaceability().thin(), replaceability().viable(), replaceability().strong());
    }
}
