package org.understudy.succession.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.succession.persistence.PostSuccessionRepository;
import org.understudy.succession.persistence.SuccessorRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads what a post's successor list is made of and hands it to {@link SuccessorList}. */
@ApplicationScoped
public class SuccessorListService {
    private final PostSuccessionRepository posts;
    private final SuccessorRepository successors;
    private final SuccessionSettings settings;
    private final Clock clock;

    public SuccessorListService(PostSuccessionRepository posts, SuccessorRepository successors, SuccessionSettings settings, Clock clock) {
        this.posts = posts;
        this.successors = successors;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SuccessorList of(UUID postId) {
        PostSuccessionRepository.Row row = find(postId);
        PostSuccession p = row.post();
        OrganisationView o = row.organisation();
        PostFacts facts = new PostFacts(p.postId, p.role, o == null ? null : o.region, o == null ? null : o.organisationType,
                o == null ? null : o.oversightSegment, p.incumbentCandidateId);
        Map<UUID, Contribution> counting = successors.counting(postId);
        List<UUID> named = successors.named(postId);
        Set<UUID> everyone = new HashSet<>(counting.keySet());
        everyone.addAll(named);
        return SuccessorList.of(facts, p.odsCode, counting, named, successors.facts(everyone, p.role, postId), settings.rules(),
                LocalDate.now(clock));
    }

    private PostSuccessionRepository.Row find(UUID postId) {
        PostSuccessionRepository.Row row = posts.findRow(postId);
        if (row == null) {
            throw ApiProblem.notFound("postId", "no post with id " + postId + " is known to the succession view");
        }
        return row;
    }
}
