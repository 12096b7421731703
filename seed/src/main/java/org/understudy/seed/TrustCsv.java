package org.understudy.seed;

import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The trusts file ({@code nhs-trusts.csv} and any file of the same shape): a header row naming
 * {@code ods_code, name, region, trust_type, foundation_trust, integrated_care_board_code} (in any
 * order), then one trust per row. Rows that cannot be mapped are returned as bad rows with their
 * line number and the reason; the good ones are kept.
 */
public final class TrustCsv {
    public static final List<String> COLUMNS = List.of("ods_code", "name", "region", "trust_type", "foundation_trust",
            "integrated_care_board_code");
    private static final Pattern CODE = Pattern.compile("^[A-Z0-9]{3,5}$");

    /** A trust as vacancy-service registers it. */
    public record Trust(int line, String odsCode, String name, Region region, OrganisationType type,
                        boolean foundationTrust, String integratedCareBoardCode) {
    }

    /** A row that could not be used: where it is and why. */
    public record BadRow(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    public record Parsed(List<Trust> trusts, List<BadRow> badRows) {
    }

    /** The file's header is unusable (missing columns): nothing can be imported. */
    public static final class BadHeaderException extends IOException {
        BadHeaderException(String message) {
            super(message);
        }
    }

    private TrustCsv() {
    }

    public static Parsed parse(Reader in) throws IOException {
        List<CsvReader.Record> records = CsvReader.readAll(in);
        if (records.isEmpty()) {
            throw new BadHeaderException("the file is empty; expected a header row: " + String.join(",", COLUMNS));
        }
        CsvReader.Record header = records.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            index.putIfAbsent(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new BadHeaderException("line " + header.line() + ": the header lacks the column(s) " + String.join(", ", missing)
                    + "; expected " + String.join(",", COLUMNS));
        }
        int width = header.fields().size();
        List<Trust> trusts = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvReader.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != width) {
                bad.add(new BadRow(record.line(), "expected " + width + " fields, found " + record.fields().size()));
                continue;
            }
            List<String> problems = new ArrayList<>();
            String ods = field(record, index, "ods_code");
            if (!CODE.matcher(ods).matches()) {
                problems.add("bad ODS code '" + ods + "' (3 to 5 capital letters or digits)");
            }
            String name = field(record, index, "name");
            if (name.isEmpty()) {
                problems.add("name is empty");
            } else if (name.length() > 200) {
                problems.add("name is longer than 200 characters");
            }
            String regionText = field(record, index, "region");
            Optional<Region> region = region(regionText);
            if (region.isEmpty()) {
                problems.add("unknown region '" + regionText + "'");
            }
            String typeText = field(record, index, "trust_type");
            Optional<OrganisationType> type = organisationType(typeText);
            if (type.isEmpty()) {
                problems.add("unknown trust_type '" + typeText + "' (acute, mental health, community, ambulance, specialist, or empty)");
            }
            String ftText = field(record, index, "foundation_trust");
            Optional<Boolean> ft = bool(ftText);
            if (ft.isEmpty()) {
                problems.add("foundation_trust must be true or false, not '" + ftText + "'");
            }
            String icb = field(record, index, "integrated_care_board_code");
            if (!icb.isEmpty() && !CODE.matcher(icb).matches()) {
                problems.add("bad integrated_care_board_code '" + icb + "' (3 to 5 capital letters or digits)");
            }
            if (problems.isEmpty() && seen.containsKey(ods)) {
                problems.add("ODS code " + ods + " already given on line " + seen.get(ods));
            }
            if (!problems.isEmpty()) {
                bad.add(new BadRow(record.line(), String.join("; ", problems)));
                continue;
            }
            seen.put(ods, record.line());
            trusts.add(new Trust(record.line(), ods, name, region.get(), type.get(), ft.get(), icb.isEmpty() ? null : icb));
        }
        return new Parsed(List.copyOf(trusts), List.copyOf(bad));
    }

    /** "North East and Yorkshire" (the NHS England name) or NORTH_EAST_AND_YORKSHIRE, in any letter case. */
    public static Optional<Region> region(String text) {
        String t = normalise(text);
        for (Region r : Region.values()) {
            if (normalise(r.displayName()).equals(t) || normalise(r.name()).equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The file's trust types (NHS Staff Survey benchmarking groups); empty means OTHER. */
    public static Optional<OrganisationType> organisationType(String text) {
        String t = normalise(text);
        if (t.isEmpty()) {
            return Optional.of(OrganisationType.OTHER);
        }
        for (OrganisationType type : OrganisationType.TRUSTS) {
            if (normalise(type.name()).equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static Optional<Boolean> bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y" -> Optional.of(true);
            case "false", "no", "n" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Lower case, underscores and runs of spaces as one space: "Mental_Health" and "mental  health" match. */
    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    }

    private static String field(CsvReader.Record record, Map<String, Integer> index, String column) {
        return record.fields().get(index.get(column)).strip();
    }
}
