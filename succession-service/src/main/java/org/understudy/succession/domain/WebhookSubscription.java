package org.understudy.succession.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/**
 * Where alerts are posted: a receiver's URL, the filters an alert must match (null: any) and the
 * secret its deliveries are signed with. Deleted subscriptions are kept (their delivery log stays)
 * and receive nothing more.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {
    @Id
    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(nullable = false)
    public String url;

    /** {@code whsec_} and the base64 of the signing key, as the Standard Webhooks specification writes it. */
    @Column(nullable = false)
    public String secret;

    public String description;

    @Enumerated(EnumType.STRING)
    public Region region;

    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_type")
    public OrganisationType organisationType;

    @Enumerated(EnumType.STRING)
    public BoardRole role;

    @Column(name = "oversight_segment")
    public Integer oversightSegment;

    @Column(name = "integrated_care_board_code")
    public String integratedCareBoardCode;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new signing secret: 32 random bytes, written {@code whsec_} and their base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    public static WebhookSubscription findLive(UUID id) {
        return find("subscriptionId = ?1 AND deletedAt IS NULL", id).firstResult();
    }
}
