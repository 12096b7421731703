package org.understudy.vacancy.imports;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.understudy.events.BoardRole;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKind;
import org.understudy.platform.imports.KeyedRow;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.PostService;

import java.util.UUID;

/** Posts: a board role at an organisation (one per role). */
@Singleton
public class PostImport implements ImportKind<PostImport.Row> {
    public record Row(String key,
                      @NotNull(message = "is required")
                      @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ODS code)") String odsCode,
                      @NotNull(message = "is required") BoardRole role) implements KeyedRow {
    }

    private final PostService posts;

    public PostImport(PostService posts) {
        this.posts = posts;
    }

    @Override
    public String name() {
        return "posts";
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        ImportScope.requireWrite(caller, row.odsCode());
        return posts.create(row.odsCode(), row.role()).postId;
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        throw ApiProblem.conflict("key", "this key was imported for another post; a post is its organisation and role, which do not change");
    }
}
