package org.understudy.succession.reference;

import com.fasterxml.jackson.databind.JsonNode;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.CandidateStatus;
import org.understudy.events.CloudEvent;
import org.understudy.events.ContractViolation;
import org.understudy.events.EventContract;
import org.understudy.events.EventJson;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.VacancyState;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The succession view as docs/succession-view.md defines it, computed the naive way: after every event (and on
 * every day that time passes) each post's numbers are counted again from scratch, from the full list
 * of facts in effect, with the rules written out here once more. It shares no code with the service's
 * rules, its incremental bookkeeping or its stores, so that a wrong rule or a wrong piece of
 * bookkeeping there shows up as a difference here.
 *
 * <p>What it promises, as the service documents it: events are applied in the order they arrive; an
 * aggregate keeps the highest version it has seen; the view's day is the latest day it has reached (an
 * event's day, or a day time was let pass to), and everything is counted as of that day; a post's
 * history gets a row whenever its numbers, vacancy figures, incumbent or interim cover change, dated
 * by the event's time (or the start of the day something expired) and never before the row before it.
 */
public final class ReferenceView {
    /** Thresholds and periods as the service's defaults (application.properties). */
    private static final int STALE_AFTER_MONTHS = 18;
    private static final int FIT_VALID_MONTHS = 12;
    private static final Set<Integer> CHALLENGED = Set.of(4, 5);

    /** A post's numbers and figures from an instant on: one row of its history. */
    public record Row(OffsetDateTime effectiveAt, String cause, int readyNow, int readySoon, int namedReadyNow, int poolReadyNow,
                      String replaceability, Integer applicants, Integer shortlisted, Integer lastShortlistSize, UUID incumbent,
                      UUID interimCandidate, LocalDate interimNamedOn) {
        /** The same row without what says when and why (to compare what a post showed). */
        public Row figures() {
            return new Row(null, null, readyNow, readySoon, namedReadyNow, poolReadyNow, replaceability, applicants, shortlisted,
                    lastShortlistSize, incumbent, interimCandidate, interimNamedOn);
        }
    }

    /** A fall in a post's replaceability that deserves an alert. */
    public record Alert(UUID postId, String from, String to, OffsetDateTime effectiveAt) {
    }

    private record Versioned<T>(long version, T state) {
    }

    private record Vacancy(VacancyState state, long version, OffsetDateTime firstSeen) {
    }

    private final Map<String, Versioned<OrganisationState>> organisations = new HashMap<>();
    private final Map<UUID, Versioned<PostState>> posts = new LinkedHashMap<>();
    private final Map<UUID, Vacancy> vacancies = new HashMap<>();
    private final Map<UUID, Versioned<CandidateState>> candidates = new HashMap<>();
    private final Map<UUID, List<Row>> history = new LinkedHashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final boolean keepsHistory;
    private LocalDate day;

    /** The model that counts every post after every event and keeps each post's history and the alerts. */
    public ReferenceView() {
        this(true);
    }

    private ReferenceView(boolean keepsHistory) {
        this.keepsHistory = keepsHistory;
    }

    /**
     * The model for the numbers as they end, and only those: the same facts, versions and day, but posts
     * are counted once, when {@link #now()} is asked, instead of after every event. Counting every post
     * against every candidate after every event grows with events × posts × candidates, which a fault run
     * of thousands of writes cannot afford; the end numbers are the same either way, since each count
     * depends only on the facts in effect and the day.
     */
    public static ReferenceView endNumbersOnly() {
        return new ReferenceView(false);
    }

    /** Every post's numbers now: counted from scratch, as of the day the model has reached. */
    public Map<UUID, Row> now() {
        Map<UUID, Row> out = new LinkedHashMap<>();
        OffsetDateTime at = day == null ? null : day.atStartOfDay().atOffset(ZoneOffset.UTC);
        for (Versioned<PostState> p : posts.values()) {
            out.put(p.state().postId(), count(p.state(), at, "now"));
        }
        return out;
    }

    /** Applies one event as the service would receive it (the JSON of a Kafka record's value). */
    public void apply(String json) {
        CloudEvent event;
        try {
            event = EventContract.parse(json);
        } catch (ContractViolation malformed) {
            return; // the contract refuses it: the service dead-letters it and nothing changes
        }
        if (!EventContract.knows(event.type())) {
            return; // a type (or version) the contract does not know: skipped
        }
        OffsetDateTime at = event.time().withOffsetSameInstant(ZoneOffset.UTC);
        passTo(at.toLocalDate());
        JsonNode data = event.data();
        long version = data.get("version").asLong();
        JsonNode state = data.get("state");
        String aggregate = event.type().split("\\.")[3];
        switch (aggregate) {
            case "organisation" -> {
                OrganisationState s = read(state, OrganisationState.class);
                if (!newer(organisations.get(s.odsCode()), version)) {
                    return;
                }
                organisations.put(s.odsCode(), new Versioned<>(version, s));
            }
            case "post" -> {
                PostState s = read(state, PostState.class);
                if (!newer(posts.get(s.postId()), version)) {
                    return;
                }
                posts.put(s.postId(), new Versioned<>(version, s));
            }
            case "vacancy" -> {
                VacancyState s = read(state, VacancyState.class);
                Vacancy before = vacancies.get(s.vacancyId());
                if (before != null && before.version() >= version) {
                    return;
                }
                vacancies.put(s.vacancyId(), new Vacancy(s, version, before == null ? at : before.firstSeen()));
            }
            case "candidate" -> {
                CandidateState s = read(state, CandidateState.class);
                if (!newer(candidates.get(s.candidateId()), version)) {
                    return;
                }
                candidates.put(s.candidateId(), new Versioned<>(version, s));
            }
            default -> {
                return; // a type the view does not keep
            }
        }
        record(at, event.type());
    }

    /** Lets time pass up to (and including) a day: what stops counting on each day in between stops then. */
    public void passTo(LocalDate target) {
        if (day == null) {
            day = target;
            return;
        }
        while (day.isBefore(target)) {
            day = day.plusDays(1);
            record(day.atStartOfDay().atOffset(ZoneOffset.UTC), "assessment-expired");
        }
    }

    /** Each post's history, oldest row first. */
    public Map<UUID, List<Row>> history() {
        return history;
    }

    public List<Alert> alerts() {
        return alerts;
    }

    /**
     * The first difference between two views' histories, in words (null when they agree): the post,
     * the row's place in its history, and both rows.
     */
    public static String firstDifference(Map<UUID, List<Row>> expected, Map<UUID, List<Row>> actual) {
        java.util.Set<UUID> posts = new java.util.LinkedHashSet<>(expected.keySet());
        posts.addAll(actual.keySet());
        for (UUID post : posts) {
            List<Row> e = expected.getOrDefault(post, List.of());
            List<Row> a = actual.getOrDefault(post, List.of());
            for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
                Row x = i < e.size() ? e.get(i) : null;
                Row y = i < a.size() ? a.get(i) : null;
                if (!java.util.Objects.equals(x, y)) {
                    return "post " + post + ", history row " + i + ":\n  expected " + x + "\n  actual   " + y
                            + "\n  rows before: " + e.subList(Math.max(0, i - 3), Math.min(i, e.size()));
                }
            }
        }
        return null;
    }

    /** What a post showed at an instant (the latest row effective then), or null before it existed. */
    public Row asOf(UUID postId, OffsetDateTime instant) {
        Row found = null;
        for (Row r : history.getOrDefault(postId, List.of())) {
            if (!r.effectiveAt().isAfter(instant)) {
                found = r; // rows are in effect order, later rows win ties
            }
        }
        return found;
    }

    /** Counts every post again; those whose figures changed (and a new one) get a history row. */
    private void record(OffsetDateTime at, String cause) {
        if (!keepsHistory) {
            return;
        }
        for (Versioned<PostState> p : posts.values()) {
            PostState post = p.state();
            List<Row> rows = history.computeIfAbsent(post.postId(), k -> new ArrayList<>());
            Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            Row now = count(post, last == null || last.effectiveAt().isBefore(at) ? at : last.effectiveAt(), cause);
            if (last == null || !now.figures().equals(last.figures())) {
                rows.add(now);
                if (last != null && alerts(last.replaceability(), now.replaceability(), segmentOf(post))) {
                    alerts.add(new Alert(post.postId(), last.replaceability(), now.replaceability(), now.effectiveAt()));
                }
            }
        }
    }

    private Row count(PostState post, OffsetDateTime effectiveAt, String cause) {
        OrganisationState organisation = organisationOf(post);
        int readyNow = 0;
        int readySoon = 0;
        int named = 0;
        int pool = 0;
        for (Versioned<CandidateState> c : candidates.values()) {
            String level = levelFor(post, organisation, c.state());
            if (level == null) {
                continue;
            }
            if (level.startsWith("NOW")) {
                readyNow++;
                named += level.contains("named") ? 1 : 0;
                pool += level.contains("pool") ? 1 : 0;
            } else {
                readySoon++;
            }
        }
        Vacancy latest = null;
        Vacancy open = null;
        List<Vacancy> ofPost = new ArrayList<>();
        vacancies.values().forEach(v -> {
            if (v.state().postId().equals(post.postId())) {
                ofPost.add(v);
            }
        });
        // Most recently first seen first; ties: the greater id first.
        ofPost.sort(Comparator.comparing(Vacancy::firstSeen).thenComparing(v -> v.state().vacancyId()).reversed());
        for (Vacancy v : ofPost) {
            latest = latest == null ? v : latest;
            if (open == null && !Set.of("FILLED", "WITHDRAWN", "LAPSED").contains(v.state().status().name())) {
                open = v;
            }
        }
        PostState.InterimCover cover = post.interimCover();
        return new Row(effectiveAt, cause, readyNow, readySoon, named, pool,
                readyNow >= 3 ? "STRONG" : readyNow == 2 ? "VIABLE" : readyNow == 1 ? "THIN" : "NONE",
                open == null ? null : open.state().applicationsReceived() - open.state().applicationsWithdrawn(),
                open == null ? null : open.state().shortlistSize(),
                latest == null ? null : latest.state().shortlistSize(),
                post.incumbent() == null ? null : post.incumbent().candidateId(),
                cover == null ? null : cover.candidateId(), cover == null ? null : cover.namedOn());
    }

    /**
     * How a candidate counts for a post on the view's day: "NOW named pool", "NOW named", "NOW pool",
     * "SOON", or null when they do not count.
     */
    private String levelFor(PostState post, OrganisationState organisation, CandidateState c) {
        if (c.status() != CandidateStatus.ACTIVE) {
            return null; // withdrawn or erased
        }
        if (post.incumbent() != null && c.candidateId().equals(post.incumbent().candidateId())) {
            return null; // the incumbent cannot succeed themselves
        }
        LocalDate checked = c.fitAndProper().checkedOn();
        if (c.fitAndProper().status() == FitAndProperStatus.FAILED || checked == null || day.isAfter(checked.plusMonths(FIT_VALID_MONTHS))) {
            return null; // failed, never checked, or the last check more than 12 months ago
        }
        if (organisation != null && CHALLENGED.contains(organisation.oversightSegment())
                && !c.mobility().considersChallengedOrganisations()) {
            return null;
        }
        ReadinessLevel named = null;
        for (CandidateState.Nomination n : c.nominations()) {
            if (n.postId().equals(post.postId()) && current(n.nominatedOn())) {
                named = n.readiness();
            }
        }
        ReadinessLevel pool = null;
        if (organisation != null && c.mobility().regions().contains(organisation.region())
                && c.mobility().organisationTypes().contains(organisation.organisationType())) {
            for (CandidateState.RoleReadiness r : c.readiness()) {
                if (r.role() == post.role() && current(r.assessedOn())) {
                    pool = r.level();
                }
            }
        }
        boolean namedNow = named == ReadinessLevel.READY_NOW;
        boolean poolNow = pool == ReadinessLevel.READY_NOW;
        if (namedNow || poolNow) {
            return "NOW" + (namedNow ? " named" : "") + (poolNow ? " pool" : "");
        }
        return named == ReadinessLevel.READY_1_2_YEARS || pool == ReadinessLevel.READY_1_2_YEARS ? "SOON" : null;
    }

    /**
     * An assessment made by the view's day and not more than 18 months before it. "Months later" is the
     * same day of the month, or the month's last day when it has fewer (28 February 2023 holds through 28
     * August 2024, not 31 August).
     */
    private boolean current(LocalDate assessed) {
        return !assessed.isAfter(day) && !day.isAfter(assessed.plusMonths(STALE_AFTER_MONTHS));
    }

    /** A fall to NONE, or, in a challenged segment, a fall from VIABLE or better to below it. */
    private static boolean alerts(String before, String after, Integer segment) {
        List<String> order = List.of("NONE", "THIN", "VIABLE", "STRONG");
        int from = order.indexOf(before);
        int to = order.indexOf(after);
        if (to >= from) {
            return false;
        }
        return to == 0 || segment != null && CHALLENGED.contains(segment) && from >= 2 && to < 2;
    }

    private OrganisationState organisationOf(PostState post) {
        Versioned<OrganisationState> o = organisations.get(post.odsCode());
        return o == null ? null : o.state();
    }

    private Integer segmentOf(PostState post) {
        OrganisationState o = organisationOf(post);
        return o == null ? null : o.oversightSegment();
    }

    private static <T> boolean newer(Versioned<T> held, long version) {
        return held == null || held.version() < version;
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return EventJson.mapper().treeToValue(node, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String toString() {
        return "ReferenceView{day=" + day + ", posts=" + posts.size() + ", candidates=" + candidates.size() + "}";
    }
}
