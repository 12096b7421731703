package org.understudy.vacancy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.events.VacancyEventPublisher;
import org.understudy.vacancy.persistence.OrganisationRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Creates and changes organisations; each change and its event commit in one transaction. */
@ApplicationScoped
public class OrganisationService {
    @Inject
    OrganisationRepository organisations;

    @Inject
    VacancyEventPublisher events;

    @Inject
    Clock clock;

    @Transactional
    public Organisation create(OrganisationDetails details) {
        if (organisations.findByIdOptional(details.odsCode()).isPresent()) {
            throw ApiProblem.conflict("odsCode", "an organisation with ODS code " + details.odsCode() + " already exists");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Organisation organisation = new Organisation();
        organisation.odsCode = details.odsCode();
        organisation.name = details.name();
        organisation.region = details.region();
        organisation.organisationType = details.organisationType();
        organisation.foundationTrust = details.foundationTrust();
        organisation.integratedCareBoardCode = details.integratedCareBoardCode();
        organisation.oversightSegment = details.oversightSegment();
        organisation.version = 1;
        organisation.createdAt = now;
        organisation.updatedAt = now;
        organisations.persistAndFlush(organisation);
        events.organisationCreated(organisation);
        return organisation;
    }

    /**
     * Replaces an organisation's details.
     *
     * @param expectedVersion the version the client last read (from {@code If-Match}), or null to skip the check
     */
    @Transactional
    public Organisation update(String odsCode, OrganisationDetails details, Long expectedVersion) {
        Organisation organisation = organisations.findForUpdate(odsCode)
                .orElseThrow(() -> ApiProblem.notFound("odsCode", "no organisation with ODS code " + odsCode));
        if (expectedVersion != null && expectedVersion != organisation.version) {
            throw ApiProblem.conflict("If-Match", "organisation " + odsCode + " is at version " + organisation.version
                    + ", not " + expectedVersion + "; read it again and retry");
        }
        List<String> changed = organisation.update(details.name(), details.region(), details.organisationType(),
                details.foundationTrust(), details.integratedCareBoardCode(), details.oversightSegment(), OffsetDateTime.now(clock));
        if (!changed.isEmpty()) {
            events.organisationUpdated(organisation, changed);
        }
        return organisation;
    }

    public Organisation get(String odsCode) {
        return organisations.findByIdOptional(odsCode)
                .orElseThrow(() -> ApiProblem.notFound("odsCode", "no organisation with ODS code " + odsCode));
    }
}
