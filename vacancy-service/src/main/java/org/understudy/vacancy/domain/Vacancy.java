package org.understudy.vacancy.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.understudy.events.VacancyStatus;
import org.understudy.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** A recruitment to a post, with its applications and shortlist. Enforces the legal transitions. */
@Entity
@Table(name = "vacancy")
public class Vacancy {
    @Id
    @Column(name = "vacancy_id")
    public UUID vacancyId;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VacancyStatus status;

    @Column(name = "closing_date")
    public LocalDate closingDate;

    @Column(name = "first_advertised_on")
    public LocalDate firstAdvertisedOn;

    /** Times it was advertised again after lapsing or being withdrawn. */
    @Column(nullable = false)
    public int readverts;

    @Column(name = "appointed_candidate_id")
    public UUID appointedCandidateId;

    @Column(name = "appointment_interim")
    public Boolean appointmentInterim;

    @Column(name = "filled_on")
    public LocalDate filledOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "close_reason")
    public String closeReason;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "vacancy", cascade = CascadeType.ALL)
    @OrderBy("appliedOn, applicationId")
    public List<Application> applications = new ArrayList<>();

    /**
     * Moves to another status if the move is legal.
     *
     * @throws ApiProblem 409 naming the statuses allowed from the current one
     */
    public void moveTo(VacancyStatus target, LocalDate today) {
        if (!status.canMoveTo(target)) {
            throw ApiProblem.conflict("status", "a vacancy cannot go from " + status + " to " + target + "; from " + status
                    + (status.next().isEmpty() ? " no change is allowed" : " it can go to "
                    + status.next().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        }
        if (target == VacancyStatus.OPEN) {
            if (status == VacancyStatus.LAPSED || status == VacancyStatus.WITHDRAWN) {
                readverts++;
                closedOn = null;
                closeReason = null;
            }
            if (firstAdvertisedOn == null) {
                firstAdvertisedOn = today;
            }
        }
        if (target == VacancyStatus.LAPSED || target == VacancyStatus.WITHDRAWN) {
            closedOn = today;
        }
        status = target;
    }

    public List<Application> liveApplications() {
        return applications.stream().filter(Application::live).toList();
    }

    public List<Application> shortlist() {
        return applications.stream().filter(a -> a.live() && a.shortlisted).toList();
    }

    public Optional<Application> application(UUID applicationId) {
        return applications.stream().filter(a -> a.applicationId.equals(applicationId)).findFirst();
    }

    public void changed(OffsetDateTime now) {
        version++;
        updatedAt = now;
    }
}
