package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;
import org.understudy.events.ExitReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SuccessionSummaryTest {

    private static SuccessionSummary.PostRow post(Region region, int segment, int readyNow, Integer shortlist, Integer daysVacant,
                                                  boolean credible, boolean afterDismissal) {
        return new SuccessionSummary.PostRow(region, OrganisationType.ACUTE, segment, readyNow, shortlist, daysVacant, credible, afterDismissal,
                region == null ? null : "Q" + region.name().substring(0, 2));
    }

    @Test
    void medians() {
        assertNull(SuccessionSummary.median(List.of()));
        assertNull(SuccessionSummary.median(Arrays.asList(null, null)));
        assertEquals(3.0, SuccessionSummary.median(List.of(5, 1, 3)));
        assertEquals(2.5, SuccessionSummary.median(List.of(4, 1, 3, 2)));
        assertEquals(2.0, SuccessionSummary.median(Arrays.asList(2, null)));
    }

    @Test
    void groupsAndNationalTotals() {
        List<SuccessionSummary.PostRow> posts = List.of(
                post(Region.LONDON, 2, 0, 1, 30, false, false),
                post(Region.LONDON, 4, 3, 3, null, true, true),
                post(Region.MIDLANDS, 3, 1, null, 10, true, false),
                post(null, 3, 0, null, null, false, false));
        List<SuccessionSummary.ExitCount> exits = List.of(
                new SuccessionSummary.ExitCount(Region.LONDON, OrganisationType.ACUTE, 2, "QLO", ExitReason.RESIGNED, 2),
                new SuccessionSummary.ExitCount(Region.LONDON, OrganisationType.ACUTE, 2, "QLO", ExitReason.MUTUAL_AGREEMENT, 1),
                new SuccessionSummary.ExitCount(Region.SOUTH_WEST, OrganisationType.ACUTE, 1, "QSO", ExitReason.RETIRED, 1),
                new SuccessionSummary.ExitCount(Region.SOUTH_WEST, OrganisationType.ACUTE, 1, "QSO", ExitReason.DISMISSED, 2),
                new SuccessionSummary.ExitCount(null, null, null, null, ExitReason.MOVED, 4));
        SuccessionSummary.Summary s = SuccessionSummary.of(SuccessionSummary.GroupBy.REGION, posts, exits);
        assertEquals(List.of("LONDON", "SOUTH_WEST", "MIDLANDS", "UNKNOWN"), s.groups().stream().map(SuccessionSummary.Figures::group).toList());
        assertEquals(new SuccessionSummary.Figures("LONDON", 2, 1, 1.5, 2.0, 30.0, 2, 1, 0, 1, 0.5), s.groups().get(0));
        assertEquals(new SuccessionSummary.Figures("SOUTH_WEST", 0, 0, null, null, null, 1, 0, 2, 0, null), s.groups().get(1));
        assertEquals(new SuccessionSummary.Figures("NATIONAL", 4, 2, 0.5, 2.0, 20.0, 7, 1, 2, 1, 0.5), s.national());

        SuccessionSummary.Summary bySegment = SuccessionSummary.of(SuccessionSummary.GroupBy.SEGMENT, posts, List.of());
        assertEquals(List.of("2", "3", "4"), bySegment.groups().stream().map(SuccessionSummary.Figures::group).toList());
        // By integrated care board (here one a region): codes in alphabetical order, organisations without one last.
        SuccessionSummary.Summary byIcb = SuccessionSummary.of(SuccessionSummary.GroupBy.INTEGRATED_CARE_BOARD, posts, exits);
        assertEquals(List.of("QLO", "QMI", "QSO", "UNKNOWN"), byIcb.groups().stream().map(SuccessionSummary.Figures::group).toList());
        assertEquals(new SuccessionSummary.Figures("QLO", 2, 1, 1.5, 2.0, 30.0, 2, 1, 0, 1, 0.5), byIcb.groups().get(0));
        assertEquals(new SuccessionSummary.Figures("UNKNOWN", 1, 1, 0.0, null, null, 4, 0, 0, 0, 0.0), byIcb.groups().get(3));
        assertEquals(0.3333, SuccessionSummary.of(SuccessionSummary.GroupBy.ORGANISATION_TYPE,
                List.of(posts.get(0), posts.get(1), posts.get(3)), List.of()).national().credibleDismissalShare());
    }

    @Test
    void daysVacant() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertNull(SuccessionSummary.daysVacant(null, null, null, today));
        assertEquals(10, SuccessionSummary.daysVacant(today.minusDays(10), null, null, today));
        assertEquals(4, SuccessionSummary.daysVacant(today.minusDays(10), today.minusDays(6), null, today));
        assertEquals(3, SuccessionSummary.daysVacant(today.minusDays(10), null, today.minusDays(7), today));
    }

    @Test
    void groupByParameters() {
        assertEquals(SuccessionSummary.GroupBy.ORGANISATION_TYPE, SuccessionSummary.GroupBy.ofParameter("organisationType"));
        assertNull(SuccessionSummary.GroupBy.ofParameter("ORGANISATION_TYPE"));
        assertEquals(SuccessionSummary.GroupBy.INTEGRATED_CARE_BOARD, SuccessionSummary.GroupBy.ofParameter("integratedCareBoard"));
        assertEquals("region, organisationType, segment, integratedCareBoard", SuccessionSummary.allowed());
    }
}
