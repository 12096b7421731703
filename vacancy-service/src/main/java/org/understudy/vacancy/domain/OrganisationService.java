package org.understudy.vacancy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.events.VacancyEventPublisher;
import org.understudy.vacancy.persistence.OrganisationRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Creates and changes organisations; each change and its event commit in one transaction. */
@ApplicationScoped
public class OrganisationService {
    @Inject
    OrganisationRepository organisations;

    @Inject
    VacancyEventPublisher events;

    @Inject
    Clock clock;

    /**
     * Registers an organisation. The oversight segment may be given only by a caller who may set
     * regulator-owned facts ({@link RegulatorOwnedFacts}); without one the organisation's segment is unset.
     */
    @Transactional
    public Organisation create(OrganisationDetails details, Caller caller) {
        requireMaySetSegment(null, details.oversightSegment(), caller);
        if (organisations.findByIdOptional(details.odsCode()).isPresent()) {
            throw exists(details.odsCode());
        }
        Organisation organisation = registered(details, caller, OffsetDateTime.now(clock));
        organisations.persistAndFlush(organisation);
        events.organisationCreated(organisation);
        return organisation;
    }

    /**
     * Registers several organisations in the caller's transaction, asking once which of their codes are
     * taken, and leaving the writes to the caller's flush (batched). Refuses them all (409 naming
     * {@code odsCode}) when a code is taken or appears twice among them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Organisation> createAll(List<OrganisationDetails> all, Caller caller) {
        Set<String> codes = new HashSet<>();
        for (OrganisationDetails details : all) {
            requireMaySetSegment(null, details.oversightSegment(), caller);
            if (!codes.add(details.odsCode())) {
                throw exists(details.odsCode());
            }
        }
        organisations.taken(codes).stream().findFirst().ifPresent(taken -> {
            throw exists(taken);
        });
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Organisation> made = all.stream().map(d -> registered(d, caller, now)).toList();
        made.forEach(organisations::persist);
        made.forEach(events::organisationCreated);
        return made;
    }

    private static ApiProblem exists(String odsCode) {
        return ApiProblem.conflict("odsCode", "an organisation with ODS code " + odsCode + " already exists");
    }

    private Organisation registered(OrganisationDetails details, Caller caller, OffsetDateTime now) {
        Organisation organisation = new Organisation();
        organisation.odsCode = details.odsCode();
        organisation.name = details.name();
        organisation.region = details.region();
        organisation.organisationType = details.organisationType();
        organisation.foundationTrust = details.foundationTrust();
        organisation.integratedCareBoardCode = details.integratedCareBoardCode();
        if (details.oversightSegment() != null) {
            organisation.oversightSegment = details.oversightSegment();
            organisation.oversightSegmentSince = LocalDate.now(clock);
            organisation.oversightSegmentSetBy = caller.name();
            organisation.oversightSegmentSetAt = now;
        }
        organisation.version = 1;
        organisation.createdAt = now;
        organisation.updatedAt = now;
        return organisation;
    }

    /**
     * Replaces an organisation's details. A segment left out keeps the one held; a different one is a
     * setting of the segment, for callers who may set it (as {@link #setOversightSegment}, effective today).
     *
     * @param expectedVersion the version the client last read (from {@code If-Match}), or null to skip the check
     */
    @Transactional
    public Organisation update(String odsCode, OrganisationDetails details, Long expectedVersion, Caller caller) {
        Organisation organisation = lockAtVersion(odsCode, expectedVersion);
        requireMaySetSegment(organisation.oversightSegment, details.oversightSegment(), caller);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> changed = new ArrayList<>(organisation.update(details.name(), details.region(), details.organisationType(),
                details.foundationTrust(), details.integratedCareBoardCode()));
        if (RegulatorOwnedFacts.changesSegment(organisation.oversightSegment, details.oversightSegment())) {
            changed.addAll(organisation.setOversightSegment(
                    new OversightSegmentSetting(details.oversightSegment(), LocalDate.now(clock), caller.name()), now));
        }
        if (!changed.isEmpty()) {
            organisation.changed(now);
            events.organisationUpdated(organisation, changed);
        }
        return organisation;
    }

    /**
     * Sets an organisation's oversight segment: the regulator's own operation. Publishes
     * organisation.updated when the segment or its day changed.
     */
    @Transactional
    public Organisation setOversightSegment(String odsCode, OversightSegmentSetting setting, Long expectedVersion, Caller caller) {
        if (!RegulatorOwnedFacts.maySet(caller.roles())) {
            throw segmentForbidden();
        }
        if (setting.since().isAfter(LocalDate.now(clock))) {
            throw ApiProblem.badRequest("since", "since: " + setting.since() + " is in the future; a segment takes effect on a day that has come");
        }
        Organisation organisation = lockAtVersion(odsCode, expectedVersion);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> changed = organisation.setOversightSegment(setting, now);
        if (!changed.isEmpty()) {
            organisation.changed(now);
            events.organisationUpdated(organisation, changed);
        }
        return organisation;
    }

    private Organisation lockAtVersion(String odsCode, Long expectedVersion) {
        Organisation organisation = organisations.findForUpdate(odsCode)
                .orElseThrow(() -> ApiProblem.notFound("odsCode", "no organisation with ODS code " + odsCode));
        if (expectedVersion != null && expectedVersion != organisation.version) {
            throw ApiProblem.conflict("If-Match", "organisation " + odsCode + " is at version " + organisation.version
                    + ", not " + expectedVersion + "; read it again and retry");
        }
        return organisation;
    }

    private static void requireMaySetSegment(Integer current, Integer requested, Caller caller) {
        if (RegulatorOwnedFacts.changesSegment(current, requested) && !RegulatorOwnedFacts.maySet(caller.roles())) {
            throw segmentForbidden();
        }
    }

    private static ApiProblem segmentForbidden() {
        return ApiProblem.forbidden(RegulatorOwnedFacts.SEGMENT_FIELD, RegulatorOwnedFacts.SEGMENT_FIELD
                + ": the oversight segment is the regulator's judgement; only the regulator or admin role sets it"
                + " (PUT /api/v1/organisations/{odsCode}/oversight-segment)");
    }

    public Organisation get(String odsCode) {
        return organisations.findByIdOptional(odsCode)
                .orElseThrow(() -> ApiProblem.notFound("odsCode", "no organisation with ODS code " + odsCode));
    }
}
