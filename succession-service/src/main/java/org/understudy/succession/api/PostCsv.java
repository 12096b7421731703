package org.understudy.succession.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The succession list as CSV (RFC 4180), the same rows as the JSON. */
final class PostCsv {
    private static final String HEADER = "postId,odsCode,organisationName,region,organisationType,oversightSegment,role,"
            + "readyNow,readySoon,namedReadyNow,poolReadyNow,replaceability,applicants,shortlisted,lastShortlistSize,daysVacant,"
            + "incumbentSince,incumbentInterim,updatedAt\r\n";

    private PostCsv() {
    }

    static String of(List<PostSuccessionResponse> rows) {
        StringBuilder out = new StringBuilder(HEADER);
        for (PostSuccessionResponse r : rows) {
            var v = r.vacancy();
            var i = r.incumbent();
            out.append(Stream.of(r.postId(), r.odsCode(), r.organisationName(), r.region(), r.organisationType(), r.oversightSegment(),
                            r.role(), r.readyNow(), r.readySoon(), r.namedReadyNow(), r.poolReadyNow(), r.replaceability(),
                            v == null ? null : v.applicants(), v == null ? null : v.shortlisted(), v == null ? null : v.lastShortlistSize(),
                            v == null ? null : v.daysVacant(), i == null ? null : i.since(), i == null ? null : i.interim(), r.updatedAt())
                    .map(PostCsv::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String field(Object value) {
        String s = Objects.toString(value, "");
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
