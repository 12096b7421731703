package org.understudy.succession.domain;

/**
 * The smallest ready-now count for each level above NONE (defaults: THIN 1, VIABLE 2,
 * STRONG 3). Pure: the levels come from configuration, see {@code SuccessionSettings}.
 */
public record ReplaceabilityThresholds(int thin, int viable, int strong) {
    public static final ReplaceabilityThresholds DEFAULT = new ReplaceabilityThresholds(1, 2, 3);

    public ReplaceabilityThresholds {
        if (thin < 1 || viable <= thin || strong <= viable) {
            throw new IllegalArgumentException("thresholds must grow: 1 <= thin < viable < strong, got "
                    + thin + ", " + viable + ", " + strong);
        }
    }

    public Replaceability classify(int readyNow) {
        if (readyNow >= strong) {
            return Replaceability.STRONG;
        }
        if (readyNow >= viable) {
            return Replaceability.VIABLE;
        }
        if (readyNow >= thin) {
            return Replaceability.THIN;
        }
        return Replaceability.NONE;
    }
}
