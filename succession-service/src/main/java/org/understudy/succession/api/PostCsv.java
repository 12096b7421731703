package org.understudy.succession.api;

import org.understudy.platform.api.CsvTable;

import java.util.List;

/** The succession list as CSV, the same rows as the JSON (cells a spreadsheet would run as formulas are neutralised). */
final class PostCsv {
    private static final List<String> COLUMNS = List.of("postId", "odsCode", "organisationName", "region", "organisationType",
            "oversightSegment", "role", "readyNow", "readySoon", "namedReadyNow", "poolReadyNow", "replaceability", "applicants",
            "shortlisted", "lastShortlistSize", "daysVacant", "incumbentSince", "incumbentInterim", "updatedAt",
            "integratedCareBoardCode");

    private PostCsv() {
    }

    static String of(List<PostSuccessionResponse> rows) {
        CsvTable csv = new CsvTable(COLUMNS);
        for (PostSuccessionResponse r : rows) {
            var v = r.vacancy();
            var i = r.incumbent();
            csv.row(r.postId(), r.odsCode(), r.organisationName(), r.region(), r.organisationType(), r.oversightSegment(),
                    r.role(), r.readyNow(), r.readySoon(), r.namedReadyNow(), r.poolReadyNow(), r.replaceability(),
                    v == null ? null : v.applicants(), v == null ? null : v.shortlisted(), v == null ? null : v.lastShortlistSize(),
                    v == null ? null : v.daysVacant(), i == null ? null : i.since(), i == null ? null : i.interim(), r.updatedAt(),
                    r.integratedCareBoardCode());
        }
        return csv.write();
    }
}
