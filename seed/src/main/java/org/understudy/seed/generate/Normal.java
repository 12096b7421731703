package org.understudy.seed.generate;

/**
 * The standard normal distribution's quantile function, from a table of its distribution function
 * built once by integrating the density (trapezoid rule on a fine grid) and inverted by binary
 * search with linear interpolation: accurate to about 1e-6, plenty for drawing tenures.
 */
final class Normal {
    private static final double LOW = -8;
    private static final double STEP = 0.001;
    private static final double[] CDF;

    static {
        int n = (int) Math.round(-2 * LOW / STEP) + 1;
        CDF = new double[n];
        double previous = density(LOW);
        double sum = 0;
        for (int i = 1; i < n; i++) {
            double d = density(LOW + i * STEP);
            sum += (previous + d) / 2 * STEP;
            CDF[i] = sum;
            previous = d;
        }
        for (int i = 0; i < n; i++) {
            CDF[i] /= sum; // the mass beyond ±8 is negligible; normalise to exactly 1
        }
    }

    private Normal() {
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    /** The x with P(Z ≤ x) = p, for 0 < p < 1 (clamped to ±8). */
    static double quantile(double p) {
        if (p <= 0) {
            return LOW;
        }
        if (p >= 1) {
            return -LOW;
        }
        int lo = 0;
        int hi = CDF.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (CDF[mid] < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = CDF[hi] - CDF[lo];
        double fraction = span <= 0 ? 0 : (p - CDF[lo]) / span;
        return LOW + (lo + fraction) * STEP;
    }
}
