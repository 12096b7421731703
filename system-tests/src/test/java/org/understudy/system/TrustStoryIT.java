package org.understudy.system;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.VacancyEventTypes;
import org.understudy.infra.security.TestTokens;
import org.understudy.system.StoryClient.Numbers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The story of one trust's chief executive post, told only through the public APIs of the three
 * running services (docs/succession-view.md, "Who counts for a post"). Every step waits until
 * succession-service shows all of the post's numbers as the step expects, not only the one that moved.
 *
 * <p>The trust is in a region and of a type (East of England, mental health) that no other system
 * test uses, and every candidate willing to work there is one of this story's, so that the pool is
 * counted exactly; the story's candidates are willing to work only there (Ben nowhere), so that they
 * change no other test's numbers. Other system tests must not expect an empty pool for chief
 * executive posts of East of England mental health trusts.
 *
 * <p>Real time does not pass in a system test and candidate-service refuses an assessment dated
 * before the current one, so the stale assessment is one dated 18 months and a day ago: stale on
 * arrival, while the same person assessed within 18 months counts (SuccessionStoryTest lets time
 * pass with events dated over two years).
 */
class TrustStoryIT {
    private static final String REGION = "EAST_OF_ENGLAND";
    private static final String TYPE = "MENTAL_HEALTH";
    private static final String CEO = "CHIEF_EXECUTIVE";
    private static final String TRUST = "Fenland Minds NHS Foundation Trust";

    private static StoryClient api;

    @BeforeAll
    static void startStack() throws Exception {
        api = new StoryClient(Stack.shared());
    }

    /** Dates as succession-service judges them: the UTC day of each event. */
    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void theChiefExecutivePostOfATrustFromNoOneReadyToANewIncumbent() {
        LocalDate today = today();
        LocalDate incumbentSince = LocalDate.of(2021, 4, 1);
        String ods = "S" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        List<String> here = List.of(REGION);
        List<String> thisKind = List.of(TYPE);

        // 1. A CEO post at a segment 2 trust, held by someone outside the pipeline, with no one ready: NONE.
        api.organisation(ods, TRUST, REGION, TYPE, 2, 201);
        UUID post = api.post(ods, CEO);
        api.incumbentByName(post, "Pat Holder", incumbentSince);
        api.awaitView(post, Numbers.of(0, 0, 0, 0, "NONE"), then -> then
                .body("odsCode", equalTo(ods))
                .body("organisationName", equalTo(TRUST))
                .body("region", equalTo(REGION))
                .body("organisationType", equalTo(TYPE))
                .body("oversightSegment", equalTo(2))
                .body("role", equalTo(CEO))
                .body("incumbent.candidateId", nullValue())
                .body("incumbent.since", equalTo(incumbentSince.toString()))
                .body("incumbent.interim", equalTo(false))
                .body("incumbent.tenureDays", equalTo((int) ChronoUnit.DAYS.between(incumbentSince, today())))
                .body("lastDeparture", nullValue())
                .body("asOf", nullValue())
                .body("vacancy.openVacancyId", nullValue())
                .body("vacancy.applicants", nullValue())
                .body("vacancy.shortlisted", nullValue())
                .body("vacancy.lastShortlistSize", nullValue())
                .body("vacancy.daysVacant", nullValue())
                .body("vacancy.readverts", nullValue()));

        // 2. Ada: fit and proper, willing to work here, assessed ready now for chief executive roles: the pool. THIN.
        UUID ada = api.candidate("Ada Pool", here, thisKind, true);
        api.fitAndProper(ada, "PASSED", today.minusDays(30));
        api.assess(ada, CEO, "READY_NOW", today.minusMonths(2));
        api.awaitView(post, Numbers.of(1, 0, 0, 1, "THIN"), noVacancy());

        // 3. Ada is also named as successor for this post: named 1 and pool 1, but still one person ready now.
        api.nominate(ada, post, "READY_NOW");
        api.awaitView(post, Numbers.of(1, 0, 1, 1, "THIN"), noVacancy());

        // 4. Ben: ready now for CEO roles but has named no region or kind of trust he would work in, so he is in
        //    no pool; named for this post, he counts as a named successor (his nomination's event carries his
        //    ready-now assessment, so the pool staying at 1 shows willingness is required). VIABLE.
        UUID ben = api.candidate("Ben Named", List.of(), List.of(), true);
        api.fitAndProper(ben, "PASSED", today.minusDays(20));
        api.assess(ben, CEO, "READY_NOW", today.minusMonths(1));
        api.nominate(ben, post, "READY_NOW");
        api.awaitView(post, Numbers.of(2, 0, 2, 1, "VIABLE"), noVacancy());

        // 5. Cai joins the pool (not named). STRONG.
        UUID cai = api.candidate("Cai Pool", here, thisKind, true);
        api.fitAndProper(cai, "PASSED", today.minusDays(10));
        api.assess(cai, CEO, "READY_NOW", today.minusMonths(3));
        api.awaitView(post, Numbers.of(3, 0, 2, 2, "STRONG"), noVacancy());

        // 6. Dee: ready in one to two years, in the pool: ready soon. (She would not consider a challenged trust.)
        UUID dee = api.candidate("Dee Soon", here, thisKind, false);
        api.fitAndProper(dee, "PASSED", today.minusDays(5));
        api.assess(dee, CEO, "READY_1_2_YEARS", today.minusMonths(4));
        api.awaitView(post, Numbers.of(3, 1, 2, 2, "STRONG"), noVacancy());

        // 7. Cai fails his fit and proper person check and drops out. VIABLE.
        api.fitAndProper(cai, "FAILED", today);
        api.awaitView(post, Numbers.of(2, 1, 2, 1, "VIABLE"), noVacancy());
        Instant afterCaiFailed = Instant.now();
        Numbers atThatInstant = Numbers.of(2, 1, 2, 1, "VIABLE");

        // 8. Eve's "ready now" is dated 18 months and a day ago: stale, it does not count. Named for this post as
        //    ready in one to two years, she counts only as ready soon; her nomination's event carries the stale
        //    assessment, so the numbers below prove it was left out.
        UUID eve = api.candidate("Eve Stale", here, thisKind, false);
        api.fitAndProper(eve, "PASSED", today.minusDays(15));
        api.assess(eve, CEO, "READY_NOW", today.minusMonths(18).minusDays(1));
        api.nominate(eve, post, "READY_1_2_YEARS");
        api.awaitView(post, Numbers.of(2, 2, 2, 1, "VIABLE"), noVacancy());

        // 9. Eve is assessed again, within 18 months: ready now from the pool, so no longer ready soon. STRONG.
        api.assess(eve, CEO, "READY_NOW", today.minusMonths(6));
        Numbers beforeAppointment = Numbers.of(3, 1, 2, 2, "STRONG");
        api.awaitView(post, beforeAppointment, noVacancy());

        // 10. The chief executive retires: a vacancy is drafted (in play, no applications yet).
        UUID vacancy = api.vacancy(post);
        api.awaitView(post, beforeAppointment, then -> then
                .body("vacancy.openVacancyId", equalTo(vacancy.toString()))
                .body("vacancy.applicants", equalTo(0))
                .body("vacancy.shortlisted", equalTo(0))
                .body("vacancy.lastShortlistSize", equalTo(0))
                .body("vacancy.daysVacant", nullValue())
                .body("vacancy.readverts", equalTo(0)));

        // 11. It opens and three people apply: Ada, Ben and Eve.
        api.vacancyStatus(vacancy, "OPEN", today.plusDays(30));
        UUID adaApplies = api.apply(vacancy, ada);
        UUID benApplies = api.apply(vacancy, ben);
        api.apply(vacancy, eve);
        api.awaitView(post, beforeAppointment, then -> then
                .body("vacancy.openVacancyId", equalTo(vacancy.toString()))
                .body("vacancy.applicants", equalTo(3))
                .body("vacancy.shortlisted", equalTo(0))
                .body("vacancy.lastShortlistSize", equalTo(0))
                .body("vacancy.daysVacant", equalTo(0))
                .body("vacancy.readverts", equalTo(0)));

        // 12. Ada and Ben are shortlisted: the shortlist shows.
        api.vacancyStatus(vacancy, "SHORTLISTING", null);
        api.shortlist(vacancy, List.of(adaApplies, benApplies));
        api.vacancyStatus(vacancy, "INTERVIEWING", null);
        api.awaitView(post, beforeAppointment, then -> then
                .body("vacancy.openVacancyId", equalTo(vacancy.toString()))
                .body("vacancy.applicants", equalTo(3))
                .body("vacancy.shortlisted", equalTo(2))
                .body("vacancy.lastShortlistSize", equalTo(2))
                .body("vacancy.daysVacant", equalTo(0))
                .body("vacancy.readverts", equalTo(0)));

        // 13. Ben is appointed: he is the incumbent now and no longer counts as his own successor
        //     (nor as a named one, though his nomination stands). The vacancy is filled; its shortlist is the last one.
        api.appoint(vacancy, benApplies, today, "RETIRED");
        Numbers afterAppointment = Numbers.of(2, 1, 1, 2, "VIABLE");
        api.awaitView(post, afterAppointment, then -> then
                .body("incumbent.candidateId", equalTo(ben.toString()))
                .body("incumbent.since", equalTo(today.toString()))
                .body("incumbent.interim", equalTo(false))
                .body("incumbent.tenureDays", equalTo((int) ChronoUnit.DAYS.between(today, today())))
                .body("lastDeparture.date", equalTo(today.toString()))
                .body("lastDeparture.reason", equalTo("RETIRED"))
                .body("vacancy.openVacancyId", nullValue())
                .body("vacancy.applicants", nullValue())
                .body("vacancy.shortlisted", nullValue())
                .body("vacancy.lastShortlistSize", equalTo(2))
                .body("vacancy.daysVacant", equalTo(0))
                .body("vacancy.readverts", equalTo(0)));
        Instant afterAppointmentVisible = Instant.now();

        // 13b. The trust's HR director reads who is behind those numbers, by name: Ada and Eve ready now (both
        //      named for the post), Dee ready soon; Ben is named but holds the post. The regulator gets ids only.
        JsonPath successors = api.successorList(post, TestTokens.mint("hr", ods));
        assertEquals(true, successors.getBoolean("namesShown"));
        assertEquals(java.util.Set.of("Ada Pool", "Eve Stale"), java.util.Set.copyOf(
                successors.getList("counting.findAll { it.level == 'NOW' }.person.name")));
        assertEquals(List.of("Dee Soon"), successors.getList("counting.findAll { it.level == 'SOON' }.person.name"));
        assertEquals(List.of("Ben Named"), successors.getList("namedNotCounting.person.name"));
        assertEquals(List.of("THE_INCUMBENT"), successors.getList("namedNotCounting[0].exclusions.code"));
        JsonPath forRegulator = api.successorList(post, TestTokens.mint("regulator"));
        assertEquals(false, forRegulator.getBoolean("namesShown"));
        assertEquals(successors.getList("counting.candidateId"), forRegulator.getList("counting.candidateId"));
        assertEquals(java.util.Collections.nCopies(3, null), forRegulator.getList("counting.person"));

        // 14. As of the instant after Cai failed his check, the post still reads as it did then.
        String asOf = afterCaiFailed.toString();
        ValidatableResponse then = api.viewAsOf(post, asOf)
                .body("incumbent.candidateId", nullValue())
                .body("vacancy.applicants", nullValue())
                .body("vacancy.shortlisted", nullValue())
                .body("vacancy.lastShortlistSize", nullValue())
                .body("reflects.topic", equalTo("candidate-events"));
        atThatInstant.assertOn(then);
        assertEquals(afterCaiFailed, OffsetDateTime.parse(then.extract().<String>path("asOf")).toInstant(), "the instant asked for is echoed");
        assertTrue(!OffsetDateTime.parse(then.extract().<String>path("updatedAt")).toInstant().isAfter(afterCaiFailed),
                "the numbers took effect before the instant asked for");
        Response list = api.listAsOf(Map.of("region", REGION, "organisationType", TYPE, "role", CEO), asOf);
        list.then().body("items.postId", hasItem(post.toString()))
                .body("items.find { it.postId == '" + post + "' }.readyNow", equalTo(2))
                .body("items.find { it.postId == '" + post + "' }.namedReadyNow", equalTo(2))
                .body("items.find { it.postId == '" + post + "' }.poolReadyNow", equalTo(1))
                .body("items.find { it.postId == '" + post + "' }.readySoon", equalTo(1))
                .body("items.find { it.postId == '" + post + "' }.replaceability", equalTo("VIABLE"));

        // 15. The trust falls into oversight segment 4: only Ada would consider a challenged trust. THIN.
        api.organisation(ods, TRUST, REGION, TYPE, 4, 200);
        Numbers challenged = Numbers.of(1, 0, 1, 1, "THIN");
        api.awaitView(post, challenged, afterward -> afterward
                .body("oversightSegment", equalTo(4))
                .body("incumbent.candidateId", equalTo(ben.toString())));

        // 16. As of the instant after the appointment was visible, the post reads as it did then: Ben holds it and
        //     does not count. (The appointment publishes post.incumbent-changed and vacancy.filled in one transaction.)
        String history = api.history(post).asString();
        ValidatableResponse appointed = api.viewAsOf(post, afterAppointmentVisible.toString());
        assertEquals(afterAppointment, Numbers.of(appointed), "as of " + afterAppointmentVisible
                + ", just after the appointment was visible in the live view; history: " + compact(history));
        assertEquals(ben.toString(), appointed.extract().path("incumbent.candidateId"), "the incumbent as of " + afterAppointmentVisible);

        // The history tells the same story, one change per step (vacancy-only changes repeat the numbers).
        List<Map<String, Object>> entries = JsonPath.from(history).getList("$");
        List<String> numbersOverTime = new ArrayList<>();
        for (Map<String, Object> h : entries) {
            String n = h.get("readyNow") + "/" + h.get("readySoon") + "/" + h.get("namedReadyNow") + "/" + h.get("poolReadyNow")
                    + " " + h.get("replaceability");
            if (numbersOverTime.isEmpty() || !numbersOverTime.get(numbersOverTime.size() - 1).equals(n)) {
                numbersOverTime.add(n);
            }
        }
        assertEquals(List.of("0/0/0/0 NONE", "1/0/0/1 THIN", "1/0/1/1 THIN", "2/0/2/1 VIABLE", "3/0/2/2 STRONG",
                "3/1/2/2 STRONG", "2/1/2/1 VIABLE", "2/2/2/1 VIABLE", "3/1/2/2 STRONG", "2/1/1/2 VIABLE", "1/0/1/1 THIN"),
                numbersOverTime, "readyNow/readySoon/named/pool over time in history: " + compact(history));
        assertTrue(entries.stream().anyMatch(h -> CandidateEventTypes.FIT_AND_PROPER_RECORDED.equals(h.get("cause"))
                && Integer.valueOf(2).equals(h.get("readyNow")) && Integer.valueOf(1).equals(h.get("poolReadyNow"))),
                "Cai's failed check is the cause of the fall to 2");
        assertTrue(entries.stream().anyMatch(h -> VacancyEventTypes.POST_INCUMBENT_CHANGED.equals(h.get("cause"))
                && ben.toString().equals(h.get("incumbentCandidateId"))), "the appointment changed the incumbent in history");
        assertTrue(entries.stream().anyMatch(h -> VacancyEventTypes.ORGANISATION_UPDATED.equals(h.get("cause"))
                && Integer.valueOf(1).equals(h.get("readyNow"))), "the segment change is the cause of the fall to 1");
    }

    /** One line per history entry: when, why, the numbers and the incumbent. */
    private static String compact(String history) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> h : JsonPath.from(history).<Map<String, Object>>getList("$")) {
            out.append("\n  ").append(h.get("effectiveAt")).append(' ').append(h.get("cause"))
                    .append(" readyNow=").append(h.get("readyNow")).append(" readySoon=").append(h.get("readySoon"))
                    .append(" named=").append(h.get("namedReadyNow")).append(" pool=").append(h.get("poolReadyNow"))
                    .append(' ').append(h.get("replaceability")).append(" incumbent=").append(h.get("incumbentCandidateId"));
        }
        return out.toString();
    }

    private static Consumer<ValidatableResponse> noVacancy() {
        return then -> then
                .body("incumbent.candidateId", nullValue())
                .body("vacancy.openVacancyId", nullValue())
                .body("vacancy.applicants", nullValue())
                .body("vacancy.shortlisted", nullValue())
                .body("vacancy.lastShortlistSize", nullValue());
    }
}
