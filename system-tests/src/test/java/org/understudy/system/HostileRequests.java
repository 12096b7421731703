package org.understudy.system;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates requests that must be refused: every body carries at least one defect that
 * makes it invalid whatever state the service is in (a required field missing or of the wrong
 * JSON type, a value no enum, date, id or pattern accepts, a string over its limit, an unknown
 * field, a body that is not a JSON object), and may carry hostile but harmless noise besides
 * (injection strings and odd unicode in free text). Endpoints that need no body get only ids that
 * name nothing. Reads get a NUL byte, which the database cannot store, in their path or in one query
 * parameter; so may ids in paths and text fields of bodies. Deterministic for a seed.
 */
final class HostileRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind { TEXT, ODS, ENUM, UUID, DATE, PAST_DATE, BOOL, SEGMENT, UUID_LIST, EMAIL, PHONE, ENUM_LIST }

    record Field(String name, Kind kind, boolean required, int max) {
    }

    /** One write endpoint: a path with placeholders ({ods}, {post}, {vacancy}, {candidate}), a valid body, its fields. */
    record Endpoint(String service, String method, String path, Map<String, Object> valid, List<Field> fields, String contentType) {
        boolean bodyless() {
            return valid == null;
        }
    }

    /** A generated request. body null: none. */
    record Request(Endpoint endpoint, String path, String body, String contentType, String defect) {
    }

    static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "'; DROP TABLE organisation; --", "\"; DELETE FROM candidate; --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "\u0000", "nul\u0000inside",
            "\uD835\uDD18\uD835\uDD2B\uD835\uDD26 \u2603 \u65E5\u672C\u8A9E \u0639\u0631\u0628\u0649", "\u202Egnp.exe", "\uFEFF\u200B\u200D",
            "%00%27%22", "\\u0000", "Robert'); DROP TABLE Students;--", "SELECT pg_sleep(10)", "a\r\nX-Injected: 1",
            "ｒｏｌｅ", "NaN", "-0", "1e309", "true", "null", "[]", "{}");

    private final Random random;
    private final Map<String, String> ids;

    /** ids: real ods, post, vacancy and candidate ids, so that a request is refused for its body, not for a missing target. */
    HostileRequests(long seed, Map<String, String> ids) {
        this.random = new Random(seed);
        this.ids = ids;
    }

    static List<Endpoint> endpoints(String today) {
        Map<String, Object> org = map("odsCode", "ZZ9", "name", "Fuzz Trust", "region", "LONDON", "organisationType", "ACUTE",
                "foundationTrust", true, "integratedCareBoardCode", "QWE", "oversightSegment", 2);
        List<Field> orgFields = List.of(new Field("odsCode", Kind.ODS, false, 5), new Field("name", Kind.TEXT, true, 200),
                new Field("region", Kind.ENUM, true, 0), new Field("organisationType", Kind.ENUM, true, 0),
                new Field("foundationTrust", Kind.BOOL, true, 0), new Field("integratedCareBoardCode", Kind.ODS, false, 5),
                new Field("oversightSegment", Kind.SEGMENT, false, 0));
        Map<String, Object> candidate = map("name", "Fuzz Person", "email", "fuzz.person@example.invalid", "phone", "+44 161 555 0100",
                "currentJobTitle", "Director", "currentOrganisationOdsCode", "R0A", "notes", "notes",
                "mobility", map("regions", List.of("LONDON"), "organisationTypes", List.of("ACUTE"), "considersChallengedOrganisations", false));
        List<Field> candidateFields = List.of(new Field("name", Kind.TEXT, true, 200), new Field("email", Kind.EMAIL, true, 254),
                new Field("phone", Kind.PHONE, false, 0), new Field("currentJobTitle", Kind.TEXT, false, 200),
                new Field("currentOrganisationOdsCode", Kind.ODS, false, 5), new Field("notes", Kind.TEXT, false, 4000),
                new Field("mobility.regions", Kind.ENUM_LIST, false, 0), new Field("mobility.organisationTypes", Kind.ENUM_LIST, false, 0),
                new Field("mobility.considersChallengedOrganisations", Kind.BOOL, false, 0));
        List<Field> patchFields = candidateFields.stream().map(f -> new Field(f.name(), f.kind(), false, f.max())).toList();
        String json = "application/json";
        return List.of(
                new Endpoint("vacancy", "POST", "/api/v1/organisations", org, orgFields, json),
                new Endpoint("vacancy", "PUT", "/api/v1/organisations/{ods}", org, orgFields, json),
                new Endpoint("vacancy", "POST", "/api/v1/posts", map("odsCode", "{ods}", "role", "CHAIR"),
                        List.of(new Field("odsCode", Kind.ODS, true, 5), new Field("role", Kind.ENUM, true, 0)), json),
                new Endpoint("vacancy", "PUT", "/api/v1/posts/{post}/incumbent", map("name", "Fuzz Incumbent", "since", today, "interim", false),
                        List.of(new Field("candidateId", Kind.UUID, false, 0), new Field("since", Kind.DATE, true, 0),
                                new Field("interim", Kind.BOOL, true, 0), new Field("previousLeftBecause", Kind.ENUM, false, 0)), json),
                new Endpoint("vacancy", "POST", "/api/v1/posts/{post}/incumbent/departure", map("date", today, "reason", "RESIGNED"),
                        List.of(new Field("date", Kind.DATE, true, 0), new Field("reason", Kind.ENUM, true, 0)), json),
                new Endpoint("vacancy", "PUT", "/api/v1/posts/{post}/interim-cover", map("name", "Fuzz Cover", "namedOn", today),
                        List.of(new Field("candidateId", Kind.UUID, false, 0), new Field("namedOn", Kind.DATE, true, 0)), json),
                new Endpoint("vacancy", "DELETE", "/api/v1/posts/{badid}/interim-cover", null, List.of(), null),
                new Endpoint("vacancy", "POST", "/api/v1/vacancies", map("postId", "{post}"),
                        List.of(new Field("postId", Kind.UUID, true, 0), new Field("closingDate", Kind.DATE, false, 0)), json),
                new Endpoint("vacancy", "POST", "/api/v1/vacancies/{vacancy}/status", map("status", "OPEN", "closingDate", "2099-01-01"),
                        List.of(new Field("status", Kind.ENUM, true, 0), new Field("closingDate", Kind.DATE, false, 0),
                                new Field("reason", Kind.TEXT, false, 500)), json),
                new Endpoint("vacancy", "POST", "/api/v1/vacancies/{vacancy}/close", map("outcome", "WITHDRAWN", "reason", "fuzz"),
                        List.of(new Field("outcome", Kind.ENUM, true, 0), new Field("reason", Kind.TEXT, false, 500)), json),
                new Endpoint("vacancy", "POST", "/api/v1/vacancies/{vacancy}/applications", map("candidateId", "{candidate}"),
                        List.of(new Field("candidateId", Kind.UUID, true, 0), new Field("appliedOn", Kind.DATE, false, 0)), json),
                new Endpoint("vacancy", "DELETE", "/api/v1/vacancies/{badid}/applications/{badid}", null, List.of(), null),
                new Endpoint("vacancy", "PUT", "/api/v1/vacancies/{vacancy}/shortlist", map("applicationIds", List.of()),
                        List.of(new Field("applicationIds", Kind.UUID_LIST, true, 100)), json),
                new Endpoint("vacancy", "POST", "/api/v1/vacancies/{vacancy}/appointment",
                        map("applicationId", UUID.randomUUID().toString(), "startDate", today, "interim", false),
                        List.of(new Field("applicationId", Kind.UUID, true, 0), new Field("startDate", Kind.DATE, true, 0),
                                new Field("interim", Kind.BOOL, true, 0), new Field("previousLeftBecause", Kind.ENUM, false, 0)), json),
                new Endpoint("candidate", "POST", "/api/v1/candidates", candidate, candidateFields, json),
                new Endpoint("candidate", "PATCH", "/api/v1/candidates/{candidate}", map("notes", "patched"), patchFields,
                        "application/merge-patch+json"),
                new Endpoint("candidate", "DELETE", "/api/v1/candidates/{badid}", null, List.of(), null),
                new Endpoint("candidate", "POST", "/api/v1/candidates/{badid}/withdrawal", null, List.of(), null),
                new Endpoint("candidate", "PUT", "/api/v1/candidates/{candidate}/readiness",
                        map("role", "CHIEF_EXECUTIVE", "level", "READY_NOW", "assessedOn", today, "assessedBy", "fuzz board"),
                        List.of(new Field("role", Kind.ENUM, true, 0), new Field("level", Kind.ENUM, true, 0),
                                new Field("assessedOn", Kind.PAST_DATE, true, 0), new Field("assessedBy", Kind.TEXT, true, 200)), json),
                new Endpoint("candidate", "PUT", "/api/v1/candidates/{candidate}/fit-and-proper", map("status", "PASSED", "checkedOn", today),
                        List.of(new Field("status", Kind.ENUM, true, 0), new Field("checkedOn", Kind.PAST_DATE, false, 0)), json),
                new Endpoint("candidate", "POST", "/api/v1/candidates/{candidate}/nominations", map("postId", "{post}", "readiness", "READY_NOW"),
                        List.of(new Field("postId", Kind.UUID, true, 0), new Field("readiness", Kind.ENUM, true, 0)), json),
                new Endpoint("candidate", "DELETE", "/api/v1/candidates/{badid}/nominations/{badid}", null, List.of(), null),
                new Endpoint("candidate", "POST", "/api/v1/candidates/{candidate}/exits",
                        map("odsCode", "{ods}", "role", "CHAIR", "date", today, "reason", "RESIGNED"),
                        List.of(new Field("postId", Kind.UUID, false, 0), new Field("odsCode", Kind.ODS, false, 5),
                                new Field("role", Kind.ENUM, false, 0), new Field("date", Kind.PAST_DATE, true, 0),
                                new Field("reason", Kind.ENUM, true, 0)), json),
                // Reads: a {text} in the path and every query parameter named here may carry text the database cannot store.
                read("vacancy", "/api/v1/organisations", "region", "organisationType", "oversightSegment", "sort", "page", "size"),
                read("vacancy", "/api/v1/organisations/{text}"),
                read("vacancy", "/api/v1/posts", "odsCode", "role", "sort", "page", "size"),
                read("vacancy", "/api/v1/posts/{post}/incumbents", "page", "size"),
                read("vacancy", "/api/v1/vacancies", "postId", "odsCode", "status", "sort", "page", "size"),
                read("candidate", "/api/v1/candidates", "status", "role", "readinessLevel", "region", "organisationType",
                        "fitAndProperStatus", "page", "size"),
                read("candidate", "/api/v1/candidates/{candidate}/readiness/history", "role", "page", "size"),
                read("candidate", "/api/v1/audit/personal-data-reads", "candidateId", "reader", "page", "size"),
                read("succession", "/api/v1/succession/posts", "region", "organisationType", "role", "oversightSegment",
                        "replaceability", "maxReadyNow", "sort", "asOf", "page", "size"),
                read("succession", "/api/v1/succession/posts/{post}/history", "from", "to"),
                read("succession", "/api/v1/succession/posts/{post}/dismissal-readiness", "asOf"),
                read("succession", "/api/v1/succession/assessments", "postId", "odsCode", "region", "from", "to", "page", "size"),
                read("succession", "/api/v1/succession/summary", "groupBy", "role"),
                read("succession", "/api/v1/succession/capacity", "region"));
    }

    /** A read whose path ({text}) or one of whose query parameters will carry a NUL byte. */
    private static Endpoint read(String service, String path, String... parameters) {
        return new Endpoint(service, "GET", path, null,
                java.util.Arrays.stream(parameters).map(name -> new Field(name, Kind.TEXT, false, 0)).toList(), null);
    }

    /** Text PostgreSQL refuses to store: a NUL byte, alone or inside. */
    private static final List<String> UNSTORABLE = List.of("\u0000", "R0A\u0000", "nul\u0000inside", "\u0000' OR '1'='1");

    private Request unstorableRead(Endpoint e) {
        String nul = pick(UNSTORABLE);
        String encoded = URLEncoder.encode(nul, StandardCharsets.UTF_8).replace("+", "%20");
        boolean inPath = e.path().contains("{text}") && (e.fields().isEmpty() || random.nextBoolean());
        String path = path(e.path().replace("{text}", inPath ? encoded : "R0A"), false);
        if (inPath) {
            return new Request(e, path, null, null, "NUL in the path");
        }
        Field parameter = pick(e.fields());
        return new Request(e, path + "?" + parameter.name() + "=" + encoded, null, null, "NUL in " + parameter.name());
    }

    Request next(List<Endpoint> endpoints) throws Exception {
        Endpoint e = endpoints.get(random.nextInt(endpoints.size()));
        if (e.method().equals("GET")) {
            return unstorableRead(e);
        }
        if (e.bodyless()) {
            return new Request(e, path(e.path(), true), null, null, "id naming nothing");
        }
        boolean badIds = random.nextInt(10) < 2;
        String path = path(e.path(), badIds);
        Map<String, Object> body = deepCopy(e.valid());
        List<String> defects = new ArrayList<>();
        if (badIds) {
            defects.add("bad id in path");
        }
        // Free-text noise: hostile but legal values in fields that take any text.
        for (Field f : e.fields()) {
            if (f.kind() == Kind.TEXT && get(body, f.name()) != null && random.nextInt(3) == 0) {
                put(body, f.name(), pick(HOSTILE).replace("\u0000", "") + " " + pick(HOSTILE).replace("\u0000", ""));
            }
        }
        int breaks = 1 + random.nextInt(3);
        String raw = null;
        for (int i = 0; i < breaks; i++) {
            int choice = random.nextInt(10);
            if (choice == 0 && raw == null) {
                raw = wholeBody();
                defects.add("body: " + abbreviate(raw));
            } else if (choice == 1) {
                put(body, "unknown" + random.nextInt(1000), pick(HOSTILE));
                defects.add("unknown field");
            } else {
                defects.add(breakField(e, body));
            }
        }
        String text = raw != null ? raw : JSON.writeValueAsString(body);
        String contentType = random.nextInt(20) == 0 ? pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded"))
                : e.contentType();
        return new Request(e, path, text, contentType, String.join("; ", defects));
    }

    /** Breaks one field so that no state of the service could accept it. */
    private String breakField(Endpoint e, Map<String, Object> body) {
        List<Field> candidates = e.fields();
        Field f = candidates.get(random.nextInt(candidates.size()));
        List<Object> bad = new ArrayList<>();
        bad.add(Map.of("nested", pick(HOSTILE)));
        // No number arrays for dates ([y, m, d] is a date) or enum lists (numbers are ordinals), no "" or null
        // where a field may be absent (both read as absent): every value here is refused wherever it is sent.
        if (f.kind() != Kind.DATE && f.kind() != Kind.PAST_DATE && f.kind() != Kind.ENUM_LIST) {
            bad.add(List.of("a", "b"));
        }
        switch (f.kind()) {
            case TEXT -> {
                bad.add("x".repeat(f.max() + 1 + random.nextInt(5_000)));
                bad.add(pick(HOSTILE).repeat(f.max() + 1));
                bad.add(pick(UNSTORABLE));
                if (f.required()) {
                    bad.add("   ");
                }
            }
            case ODS -> bad.addAll(List.of("r0a", "TOOLONG1", "A", "R0A'--", pick(HOSTILE), "\u00C5\u00C412", "R 0A"));
            case ENUM -> bad.addAll(List.of("NOT_A_VALUE", pick(HOSTILE), "READY_NOW_ISH", "CHIEF EXECUTIVE", "\u0130NDIGO"));
            case UUID -> bad.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000Z", pick(HOSTILE), "{}-1", true));
            case DATE -> bad.addAll(List.of("2026-02-30", "yesterday", "26/11/2026", pick(HOSTILE), "2026-11-26T25:00"));
            case PAST_DATE -> bad.addAll(List.of("2026-02-30", "9999-12-31", "1900-01-01", "tomorrow", pick(HOSTILE)));
            case BOOL -> bad.addAll(List.of("maybe", "yes please", "0x1"));
            case SEGMENT -> bad.addAll(List.of(0, 6, -1, 2147483648L, "five", "1e400", 99.5));
            case UUID_LIST -> {
                bad.add(List.of("not-a-uuid"));
                bad.add(java.util.Collections.nCopies(f.max() + 1, UUID.randomUUID().toString()));
                bad.add(pick(HOSTILE));
                List<Object> withNull = new ArrayList<>();
                withNull.add(null);
                bad.add(withNull);
            }
            case EMAIL -> bad.addAll(List.of("not-an-email", "a@b", "@example.invalid", "x".repeat(300) + "@example.invalid", pick(HOSTILE)));
            case PHONE -> bad.addAll(List.of("call me", "+44 abc", "1", pick(HOSTILE)));
            case ENUM_LIST -> bad.addAll(List.of(List.of("MARS"), List.of(pick(HOSTILE)), "LONDON", List.of(Map.of())));
        }
        if (f.required()) {
            bad.add(null);
            bad.add("");
            bad.add(Absent.INSTANCE);
        }
        Object value = bad.get(random.nextInt(bad.size()));
        if (value == Absent.INSTANCE) {
            remove(body, f.name());
            return f.name() + " missing";
        }
        put(body, f.name(), value);
        return f.name() + " = " + abbreviate(String.valueOf(value));
    }

    private enum Absent { INSTANCE }

    private String wholeBody() {
        return switch (random.nextInt(9)) {
            // over the 1 MB limit: rarely, it is the costliest request to send
            case 0 -> "not json at all";
            case 1 -> "{";
            case 2 -> "[]";
            case 3 -> "\"a string\"";
            case 4 -> "12345";
            case 5 -> "[".repeat(5000) + "]".repeat(5000);
            case 6 -> "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001);
            case 7 -> random.nextInt(10) == 0 ? "{\"name\":\"" + "x".repeat(1_100_000) + "\"}" : "{\"name\":\"x\",}";
            default -> "{\"name\":\"\u0000\",}";
        };
    }

    private String path(String template, boolean badIds) {
        String out = template;
        for (String key : List.of("ods", "post", "vacancy", "candidate", "badid")) {
            while (out.contains("{" + key + "}")) {
                String value = badIds || key.equals("badid") ? badId(key) : ids.get(key);
                out = out.replaceFirst("\\{" + key + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return out;
    }

    private String badId(String key) {
        return switch (random.nextInt(9)) {
            case 7 -> pick(UNSTORABLE);
            case 8 -> (key.equals("ods") ? "R0A" : UUID.randomUUID().toString()) + "\u0000";
            case 0 -> "not-a-uuid";
            case 1 -> UUID.randomUUID().toString();
            case 2 -> "' OR 1=1 --";
            case 3 -> "\u65E5\u672C\u8A9E";
            case 4 -> "x".repeat(300);
            case 5 -> key.equals("ods") ? "r0a" : "00000000-0000-0000-0000-00000000000Z";
            default -> "-1";
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + " chars)" : s;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> deepCopy(Map<String, Object> valid) throws Exception {
        String text = JSON.writeValueAsString(valid);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace("{" + id.getKey() + "}", id.getValue());
        }
        return JSON.readValue(text, LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> body, String dotted) {
        String[] parts = dotted.split("\\.");
        Object at = body;
        for (String p : parts) {
            if (!(at instanceof Map)) {
                return null;
            }
            at = ((Map<String, Object>) at).get(p);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                at.put(parts[i], next);
            }
            at = (Map<String, Object>) next;
        }
        at.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static void remove(Map<String, Object> body, String dotted) {
        String[] parts = dotted.split("\\.");
        Object at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at instanceof Map ? ((Map<String, Object>) at).get(parts[i]) : null;
        }
        if (at instanceof Map) {
            ((Map<String, Object>) at).remove(parts[parts.length - 1]);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
