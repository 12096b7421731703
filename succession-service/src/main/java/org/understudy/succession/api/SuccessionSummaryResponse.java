package org.understudy.succession.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.platform.api.CsvTable;
import org.understudy.succession.domain.SuccessionSummary;

import java.time.LocalDate;
import java.util.List;

/** The aggregates of the view by region, organisation type or oversight segment, and for the country. */
@Schema(name = "SuccessionSummary")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SuccessionSummaryResponse(
        @Schema(description = "region, organisationType, segment or integratedCareBoard") String groupBy,
        @Schema(description = "The role summarised; null for every role") BoardRole role,
        @Schema(description = "The day the figures are for (days vacant and the 12 months of exits count up to it)") LocalDate asAt,
        @Schema(description = "People ready now needed for a credible dismissal (configuration)") int minimumReadyNow,
        @Schema(description = "One entry per group; UNKNOWN gathers posts and exits whose organisation the view does not know yet")
        List<Group> groups,
        Group national) {

    /**
     * @param voluntaryExitsLast12Months exits resigned, retired or moved, dated in the 12 months up to asAt, at the group's organisations
     *                                   (career exits and departures recorded on posts, the same exit once)
     * @param mutualAgreementExitsLast12Months exits by mutual agreement (settlement) in the same 12 months: not counted as voluntary
     * @param dismissalsLast12Months     dismissals in the same 12 months
     * @param appointmentsAfterDismissal posts whose incumbent's most recent exit on or before they started was a dismissal
     * @param credibleDismissalShare     the share of posts where a dismissal would be credible (0 to 1); null without posts
     */
    @Schema(name = "SuccessionSummaryGroup")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Group(String group, int posts, int postsWithNoReadyNow, Double medianDepth, Double medianLastShortlist,
                        Double medianDaysVacant, long voluntaryExitsLast12Months, long mutualAgreementExitsLast12Months,
                        long dismissalsLast12Months, int appointmentsAfterDismissal, Double credibleDismissalShare) {
        static Group of(SuccessionSummary.Figures f) {
            return new Group(f.group(), f.posts(), f.postsWithNoReadyNow(), f.medianDepth(), f.medianLastShortlist(), f.medianDaysVacant(),
                    f.voluntaryExitsLast12Months(), f.mutualAgreementExitsLast12Months(), f.dismissalsLast12Months(),
                    f.appointmentsAfterDismissal(), f.credibleDismissalShare());
        }
    }

    static SuccessionSummaryResponse of(SuccessionSummary.Summary s, BoardRole role, LocalDate asAt, int minimumReadyNow) {
        return new SuccessionSummaryResponse(s.groupBy().parameter(), role, asAt, minimumReadyNow,
                s.groups().stream().map(Group::of).toList(), Group.of(s.national()));
    }

    /** CSV: one row per group, then the national row. */
    String csv() {
        CsvTable csv = new CsvTable(List.of("groupBy", "group", "posts", "postsWithNoReadyNow", "medianDepth", "medianLastShortlist",
                "medianDaysVacant", "voluntaryExitsLast12Months", "mutualAgreementExitsLast12Months", "dismissalsLast12Months",
                "appointmentsAfterDismissal", "credibleDismissalShare"));
        for (Group g : groups) {
            row(csv, groupBy, g);
        }
        row(csv, "national", national);
        return csv.write();
    }

    private static void row(CsvTable csv, String groupBy, Group g) {
        csv.row(groupBy, g.group(), g.posts(), g.postsWithNoReadyNow(), number(g.medianDepth()), number(g.medianLastShortlist()),
                number(g.medianDaysVacant()), g.voluntaryExitsLast12Months(), g.mutualAgreementExitsLast12Months(), g.dismissalsLast12Months(),
                g.appointmentsAfterDismissal(), number(g.credibleDismissalShare()));
    }

    /** A whole number without its ".0". */
    private static Number number(Double d) {
        if (d == null) {
            return null;
        }
        return d == Math.rint(d) ? (Number) d.longValue() : d;
    }
}
