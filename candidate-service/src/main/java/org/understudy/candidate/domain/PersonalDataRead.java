package org.understudy.candidate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One response that disclosed a candidate's personal data: who, when, which candidate, which endpoint. */
@Entity
@Table(name = "personal_data_read")
public class PersonalDataRead {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "read_id")
    public Long readId;

    @Column(name = "candidate_id", nullable = false)
    public UUID candidateId;

    /** The verified token's principal (upn, else sub) of the request. */
    @Column(nullable = false)
    public String reader;

    /** Method and path template, e.g. "GET /api/v1/candidates/{candidateId}". */
    @Column(nullable = false)
    public String endpoint;

    @Column(name = "read_at", nullable = false)
    public OffsetDateTime readAt;
}
