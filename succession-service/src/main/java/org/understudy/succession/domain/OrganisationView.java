package org.understudy.succession.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.OffsetDateTime;

/** An organisation as the latest vacancy event described it. */
@Entity
@Table(name = "organisation_view")
public class OrganisationView {
    @Id
    @Column(name = "ods_code")
    public String odsCode;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Region region;

    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_type", nullable = false)
    public OrganisationType organisationType;

    /** Null until the regulator sets it: the challenged-trust rule does not apply, and summaries group it as UNKNOWN. */
    @Column(name = "oversight_segment")
    public Integer oversightSegment;

    /** ODS code of the integrated care board overseeing it; null when its events name none. */
    @Column(name = "integrated_care_board_code")
    public String integratedCareBoardCode;

    /** The version of the organisation in vacancy-service that this row reflects. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
