package org.understudy.candidate.successors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.understudy.candidate.domain.Candidate;
import org.understudy.candidate.domain.PersonalDataAudit;
import org.understudy.candidate.persistence.CandidateRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** Puts names to a successor list, recording each disclosure in the personal-data audit in the same transaction. */
@ApplicationScoped
public class SuccessorNames {
    private final CandidateRepository candidates;
    private final PersonalDataAudit audit;

    public SuccessorNames(CandidateRepository candidates, PersonalDataAudit audit) {
        this.candidates = candidates;
        this.audit = audit;
    }

    @Transactional
    public SuccessorList named(SuccessorList list, String reader, String endpoint) {
        List<UUID> ids = Stream.concat(list.counting().stream(), list.namedNotCounting().stream())
                .map(SuccessorList.Successor::candidateId).distinct().toList();
        List<Candidate> found = ids.isEmpty() ? List.of() : candidates.list("candidateId in ?1", ids);
        Map<UUID, SuccessorList.Person> people = new HashMap<>();
        for (Candidate c : found) {
            if (!c.erased()) {
                people.put(c.candidateId, new SuccessorList.Person(c.name, c.currentJobTitle, c.currentOrganisationOdsCode));
            }
        }
        audit.disclosed(found, reader, endpoint);
        return list.withPeople(people, true);
    }

    /** The list as it is, saying no names are shown. */
    public static SuccessorList unnamed(SuccessorList list) {
        return list.withPeople(Map.of(), false);
    }
}
