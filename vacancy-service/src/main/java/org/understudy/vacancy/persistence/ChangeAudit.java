package org.understudy.vacancy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.vacancy.domain.ChangeRecord;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The change audit: each change recorded with its caller, in the change's transaction; searched by organisation and day. */
@ApplicationScoped
public class ChangeAudit {
    /** Who a change is recorded as when no caller is known (none in vacancy-service today: every change is a request). */
    static final String NO_CALLER = "system";

    private final Instance<SecurityIdentity> identity;
    private final Clock clock;

    @Inject
    public ChangeAudit(Instance<SecurityIdentity> identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID eventId, String odsCode, String eventType, String aggregateId, List<String> changed) {
        ChangeRecord r = new ChangeRecord();
        r.eventId = eventId;
        r.odsCode = odsCode;
        r.eventType = eventType;
        r.aggregateId = aggregateId;
        r.changed = String.join(",", changed == null ? List.of() : changed);
        r.changedBy = caller();
        r.changedAt = OffsetDateTime.now(clock);
        r.persist();
    }

    /** Changes of one organisation (or all when null) made on days from {@code from} to {@code to} (UTC, each null: open), newest first. */
    public PanacheQuery<ChangeRecord> search(String odsCode, LocalDate from, LocalDate to) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (odsCode != null) {
            where.add("odsCode = :ods");
            params.and("ods", odsCode);
        }
        if (from != null) {
            where.add("changedAt >= :from");
            params.and("from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            where.add("changedAt < :to");
            params.and("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        Sort newestFirst = Sort.descending("changedAt").and("eventId");
        return where.isEmpty() ? ChangeRecord.findAll(newestFirst) : ChangeRecord.find(String.join(" AND ", where), newestFirst, params);
    }

    private String caller() {
        if (!identity.isResolvable()) {
            return NO_CALLER;
        }
        try {
            SecurityIdentity who = identity.get();
            return who.isAnonymous() ? NO_CALLER : who.getPrincipal().getName();
        } catch (RuntimeException noRequest) {
            return NO_CALLER;
        }
    }
}
