package org.understudy.succession.domain;

import java.time.LocalDate;

/**
 * What one candidate adds to one post's numbers.
 *
 * @param level     NOW, SOON, or null when they do not count
 * @param namedNow  named as successor for the post and ready now
 * @param poolNow   ready now for the role, and willing to work in the post's region and kind of organisation
 * @param expiresOn the first day on which this may no longer hold (an assessment goes stale or a
 *                  fit-and-proper check lapses); null when they do not count
 */
public record Contribution(Level level, boolean namedNow, boolean poolNow, LocalDate expiresOn) {
    public static final Contribution NONE = new Contribution(null, false, false, null);

    public enum Level { NOW, SOON }

    public boolean counts() {
        return level != null;
    }
}
