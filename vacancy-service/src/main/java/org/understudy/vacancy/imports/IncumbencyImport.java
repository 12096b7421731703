package org.understudy.vacancy.imports;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKind;
import org.understudy.platform.imports.KeyedRow;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.Incumbency;
import org.understudy.vacancy.domain.IncumbentService;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.domain.PostService;
import org.understudy.vacancy.persistence.IncumbencyRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * Who held each post, from when to when, and why they left. A post's rows go in the order of their start
 * dates: each incumbent takes the post on {@code since} and, with {@code until}, leaves it then for
 * {@code reasonLeft}. The incumbent still in post has no {@code until}; the same row imported again
 * with {@code until} and {@code reasonLeft} records their departure. An incumbency starting while the
 * post is held is refused: the holder's own row must end first.
 */
@Singleton
public class IncumbencyImport implements ImportKind<IncumbencyImport.Row> {
    public record Row(String key, UUID postId, String odsCode, BoardRole role, UUID candidateId,
                      @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
                      @NotNull(message = "is required") LocalDate since,
                      LocalDate until,
                      LeavingReason reasonLeft,
                      Boolean interim) implements KeyedRow {
    }

    private final PostReference posts;
    private final PostService postService;
    private final IncumbentService incumbents;
    private final IncumbencyRepository incumbencies;
    private final Clock clock;

    public IncumbencyImport(PostReference posts, PostService postService, IncumbentService incumbents,
                            IncumbencyRepository incumbencies, Clock clock) {
        this.posts = posts;
        this.postService = postService;
        this.incumbents = incumbents;
        this.incumbencies = incumbencies;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "incumbencies";
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public Comparator<Row> order() {
        return Comparator.comparing(Row::since);
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        checkDates(row);
        Post post = posts.require(row.postId(), row.odsCode(), row.role(), caller);
        IncumbentService.Person person = PersonRow.of(row.candidateId(), row.name());
        Incumbency current = incumbencies.current(post.postId);
        if (current != null) {
            throw ApiProblem.conflict("since", "the post is held since " + current.since + "; the holder's own row needs until and "
                    + "reasonLeft before someone else can start");
        }
        Incumbency made = postService.setIncumbent(post.postId, person, row.since(), Boolean.TRUE.equals(row.interim()), null, null);
        if (row.until() != null) {
            incumbents.depart(post.postId, row.until(), row.reasonLeft());
        }
        return made.id;
    }

    /** The one change an incumbency takes: the incumbent still in post leaves. */
    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        checkDates(row);
        Incumbency held = incumbencies.findByIdOptional(id).orElseThrow(() -> ApiProblem.conflict("key",
                "the incumbency imported with this key is no longer held"));
        Post post = posts.require(row.postId(), row.odsCode(), row.role(), caller);
        IncumbentService.Person person = PersonRow.of(row.candidateId(), row.name());
        boolean samePerson = held.postId.equals(post.postId) && Objects.equals(held.candidateId, person.candidateId())
                && Objects.equals(held.personName, person.name()) && held.since.equals(row.since())
                && held.interim == Boolean.TRUE.equals(row.interim());
        if (!samePerson || held.until != null || row.until() == null) {
            throw ApiProblem.conflict("key", "an incumbency imported with this key changes only by its incumbent leaving (until and "
                    + "reasonLeft given where they were not); what happened is not rewritten");
        }
        incumbents.depart(post.postId, row.until(), row.reasonLeft());
    }

    private void checkDates(Row row) {
        ImportScope.requirePast(row.since(), "since", clock);
        ImportScope.requirePast(row.until(), "until", clock);
        if (row.until() != null && row.until().isBefore(row.since())) {
            throw ApiProblem.badRequest("until", "until: " + row.until() + " is before since (" + row.since() + ")");
        }
        if ((row.until() == null) != (row.reasonLeft() == null)) {
            throw ApiProblem.badRequest("reasonLeft", "reasonLeft: give until and reasonLeft together (an incumbent who left), or neither");
        }
    }
}
