package org.understudy.vacancy.imports;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.understudy.events.BoardRole;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKind;
import org.understudy.platform.imports.KeyedRow;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.domain.PostService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Who would cover each post as interim, named on a date; a changed row names the cover anew. */
@Singleton
public class InterimCoverImport implements ImportKind<InterimCoverImport.Row> {
    public record Row(String key, UUID postId, String odsCode, BoardRole role, UUID candidateId,
                      @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
                      @NotNull(message = "is required") LocalDate namedOn) implements KeyedRow {
    }

    private final PostReference posts;
    private final PostService postService;
    private final Clock clock;

    public InterimCoverImport(PostReference posts, PostService postService, Clock clock) {
        this.posts = posts;
        this.postService = postService;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "interim-covers";
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        return name(row, caller).postId;
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        if (!name(row, caller).postId.equals(id)) {
            throw ApiProblem.conflict("key", "this key was imported for another post's interim cover");
        }
    }

    private Post name(Row row, ImportCaller caller) {
        ImportScope.requirePast(row.namedOn(), "namedOn", clock);
        Post post = posts.require(row.postId(), row.odsCode(), row.role(), caller);
        return postService.setInterimCover(post.postId, PersonRow.of(row.candidateId(), row.name()), row.namedOn(), null);
    }
}
