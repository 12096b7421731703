package org.understudy.candidate.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person in the leadership pipeline. The personal data (name, contact, current job and
 * organisation, notes) is held only here and never leaves candidate-service in an event; erasure
 * sets it to null for good while the id stays.
 */
@Entity
@Table(name = "candidate")
public class Candidate {
    /** The names of the personal fields, as in the API. */
    public static final List<String> PERSONAL_FIELDS =
            List.of("name", "email", "phone", "currentJobTitle", "currentOrganisationOdsCode", "notes");

    @Id
    @Column(name = "candidate_id")
    public UUID candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CandidateStatus status;

    // --- personal data: null once erased
    @Column
    public String name;

    @Column
    public String email;

    @Column
    public String phone;

    @Column(name = "current_job_title")
    public String currentJobTitle;

    @Column(name = "current_ods_code")
    public String currentOrganisationOdsCode;

    @Column
    public String notes;

    // --- mobility
    @ElementCollection
    @CollectionTable(name = "candidate_region", joinColumns = @JoinColumn(name = "candidate_id"))
    @Column(name = "region", nullable = false)
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    public Set<Region> regions = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "candidate_organisation_type", joinColumns = @JoinColumn(name = "candidate_id"))
    @Column(name = "organisation_type", nullable = false)
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    public Set<OrganisationType> organisationTypes = new HashSet<>();

    @Column(name = "considers_challenged", nullable = false)
    public boolean considersChallengedOrganisations;

    // --- fit and proper person status
    @Enumerated(EnumType.STRING)
    @Column(name = "fp_status", nullable = false)
    public FitAndProperStatus fitAndProperStatus;

    @Column(name = "fp_checked_on")
    public LocalDate fitAndProperCheckedOn;

    /** The aggregate version: 1 when registered, one more per change; carried in every event. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    /** The profile as a client last set it (null fields and empty mobility once erased). */
    public CandidateProfile profile() {
        return new CandidateProfile(name, email, phone, currentJobTitle, currentOrganisationOdsCode, notes,
                Set.copyOf(regions), Set.copyOf(organisationTypes), considersChallengedOrganisations);
    }

    /**
     * Applies a new profile and returns the names of the fields that changed (empty: nothing to do).
     * Does not touch the version: the caller counts the change.
     */
    List<String> apply(CandidateProfile profile) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(name, profile.name())) {
            name = profile.name();
            changed.add("name");
        }
        if (!Objects.equals(email, profile.email())) {
            email = profile.email();
            changed.add("email");
        }
        if (!Objects.equals(phone, profile.phone())) {
            phone = profile.phone();
            changed.add("phone");
        }
        if (!Objects.equals(currentJobTitle, profile.currentJobTitle())) {
            currentJobTitle = profile.currentJobTitle();
            changed.add("currentJobTitle");
        }
        if (!Objects.equals(currentOrganisationOdsCode, profile.currentOrganisationOdsCode())) {
            currentOrganisationOdsCode = profile.currentOrganisationOdsCode();
            changed.add("currentOrganisationOdsCode");
        }
        if (!Objects.equals(notes, profile.notes())) {
            notes = profile.notes();
            changed.add("notes");
        }
        if (!regions.equals(profile.regions()) || !organisationTypes.equals(profile.organisationTypes())
                || considersChallengedOrganisations != profile.considersChallengedOrganisations()) {
            regions.clear();
            regions.addAll(profile.regions());
            organisationTypes.clear();
            organisationTypes.addAll(profile.organisationTypes());
            considersChallengedOrganisations = profile.considersChallengedOrganisations();
            changed.add("mobility");
        }
        return changed;
    }

    /** Counts one change: the version grows by one. */
    void changed(OffsetDateTime now) {
        version++;
        updatedAt = now;
    }

    public boolean erased() {
        return status == CandidateStatus.ERASED;
    }
}
