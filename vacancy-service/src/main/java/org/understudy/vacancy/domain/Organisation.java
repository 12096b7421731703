package org.understudy.vacancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.OrganisationState;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An NHS trust: the organisation whose board posts Understudy tracks. */
@Entity
@Table(name = "organisation")
public class Organisation {
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

    @Column(name = "foundation_trust", nullable = false)
    public boolean foundationTrust;

    @Column(name = "icb_code")
    public String integratedCareBoardCode;

    @Column(name = "oversight_segment", nullable = false)
    public int oversightSegment;

    /** The aggregate version: 1 when created, one more per change; carried in every event. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public OrganisationState toState() {
        return new OrganisationState(odsCode, name, region, organisationType, foundationTrust,
                integratedCareBoardCode, oversightSegment);
    }

    /**
     * Applies new details and returns the names of the fields that changed (empty: nothing to do).
     * The version grows by one only when something changed.
     */
    public List<String> update(String name, Region region, OrganisationType type, boolean foundationTrust,
                               String icbCode, int segment, OffsetDateTime now) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(this.name, name)) {
            this.name = name;
            changed.add("name");
        }
        if (this.region != region) {
            this.region = region;
            changed.add("region");
        }
        if (this.organisationType != type) {
            this.organisationType = type;
            changed.add("organisationType");
        }
        if (this.foundationTrust != foundationTrust) {
            this.foundationTrust = foundationTrust;
            changed.add("foundationTrust");
        }
        if (!Objects.equals(this.integratedCareBoardCode, icbCode)) {
            this.integratedCareBoardCode = icbCode;
            changed.add("integratedCareBoardCode");
        }
        if (this.oversightSegment != segment) {
            this.oversightSegment = segment;
            changed.add("oversightSegment");
        }
        if (!changed.isEmpty()) {
            version++;
            updatedAt = now;
        }
        return changed;
    }
}
