package org.understudy.vacancy.domain;

import java.time.LocalDate;

/**
 * The regulator's setting of a trust's oversight segment.
 *
 * @param segment 1 (best) to 5
 * @param since   the day it takes effect
 * @param setBy   who sets it (the caller's user name)
 */
public record OversightSegmentSetting(int segment, LocalDate since, String setBy) {
}
