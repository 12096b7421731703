package org.understudy.vacancy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.vacancy.domain.Post;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Post")
public record PostResponse(UUID postId, String odsCode, BoardRole role, long version,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    static PostResponse of(Post p) {
        return new PostResponse(p.postId, p.odsCode, p.role, p.version, p.createdAt, p.updatedAt);
    }
}
