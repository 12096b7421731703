package org.understudy.candidate.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.candidate.persistence.PersonalDataReadRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;

/**
 * Records every disclosure of a candidate's personal data, in the transaction that reads it: a
 * response with personal data is never sent without its record. Erased candidates have none, so
 * reading them is not recorded.
 */
@ApplicationScoped
public class PersonalDataAudit {
    public static final String ANONYMOUS = "anonymous";

    @Inject
    PersonalDataReadRepository reads;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void disclosed(Collection<Candidate> candidates, String reader, String endpoint) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Candidate candidate : candidates) {
            if (candidate.erased()) {
                continue;
            }
            PersonalDataRead read = new PersonalDataRead();
            read.candidateId = candidate.candidateId;
            read.reader = reader == null || reader.isBlank() ? ANONYMOUS : reader;
            read.endpoint = endpoint;
            read.readAt = now;
            reads.persist(read);
        }
    }
}
