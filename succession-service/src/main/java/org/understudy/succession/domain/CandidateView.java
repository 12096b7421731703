package org.understudy.succession.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A candidate as the latest candidate event described them: an opaque id, statuses, dates, regions. */
@Entity
@Table(name = "candidate_view")
public class CandidateView {
    @Id
    @Column(name = "candidate_id")
    public UUID candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CandidateStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "fit_status", nullable = false)
    public FitAndProperStatus fitStatus;

    @Column(name = "fit_checked_on")
    public LocalDate fitCheckedOn;

    /** Comma-separated region names. */
    @Column(nullable = false)
    public String regions;

    /** Comma-separated organisation type names. */
    @Column(name = "organisation_types", nullable = false)
    public String organisationTypes;

    @Column(name = "considers_challenged", nullable = false)
    public boolean considersChallenged;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** How the enum sets are stored: names, sorted, comma-separated. */
    public static String csv(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static <E extends Enum<E>> Set<E> enums(String csv, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (csv != null && !csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(v -> Enum.valueOf(type, v)).forEach(out::add);
        }
        return out;
    }
}
