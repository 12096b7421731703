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

import java.time.LocalDate;
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

    /** The regulator's segment, 1 to 5; null until set (see {@link RegulatorOwnedFacts}). */
    @Column(name = "oversight_segment")
    public Integer oversightSegment;

    @Column(name = "oversight_segment_since")
    public LocalDate oversightSegmentSince;

    @Column(name = "oversight_segment_set_by")
    public String oversightSegmentSetBy;

    @Column(name = "oversight_segment_set_at")
    public OffsetDateTime oversightSegmentSetAt;

    /** The aggregate version: 1 when created, one more per change; carried in every event. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public OrganisationState toState() {
        return new OrganisationState(odsCode, name, region, organisationType, foundationTrust,
                integratedCareBoardCode, oversightSegment, oversightSegmentSince, oversightSegmentSetBy, oversightSegmentSetAt);
    }

    /**
     * Applies new details and returns the names of the fields that changed (empty: nothing to do);
     * the caller counts a change with {@link #changed}.
     */
    public List<String> update(String name, Region region, OrganisationType type, boolean foundationTrust, String icbCode) {
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
        return changed;
    }

    /** Counts a change: the version grows by one. */
    public void changed(OffsetDateTime now) {
        version++;
        updatedAt = now;
    }

    /**
     * Sets the regulator's segment and records who set it and when. Returns the names of the fields
     * that changed: empty when the segment and its day are those held already.
     */
    public List<String> setOversightSegment(OversightSegmentSetting setting, OffsetDateTime now) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(oversightSegment, setting.segment())) {
            changed.add("oversightSegment");
        }
        if (!Objects.equals(oversightSegmentSince, setting.since())) {
            changed.add("oversightSegmentSince");
        }
        if (!changed.isEmpty()) {
            oversightSegment = setting.segment();
            oversightSegmentSince = setting.since();
            oversightSegmentSetBy = setting.setBy();
            oversightSegmentSetAt = now;
        }
        return changed;
    }
}
