package org.understudy.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.understudy.candidate.domain.KnownPost;
import org.understudy.events.BoardRole;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class KnownPostRepository implements PanacheRepositoryBase<KnownPost, UUID> {

    /** The post of a board role at an organisation (there is one at most). */
    public Optional<KnownPost> of(String odsCode, BoardRole role) {
        return find("odsCode = ?1 AND role = ?2", odsCode, role).firstResultOptional();
    }

    public Optional<KnownPost> findForUpdate(UUID postId) {
        return findByIdOptional(postId, LockModeType.PESSIMISTIC_WRITE);
    }
}
