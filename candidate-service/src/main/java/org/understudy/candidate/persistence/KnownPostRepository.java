package org.understudy.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.understudy.candidate.domain.KnownPost;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class KnownPostRepository implements PanacheRepositoryBase<KnownPost, UUID> {

    public Optional<KnownPost> findForUpdate(UUID postId) {
        return findByIdOptional(postId, LockModeType.PESSIMISTIC_WRITE);
    }
}
