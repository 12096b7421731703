package org.understudy.platform.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The clients' own keys of imported rows ({@code import_key}): for each kind and key, what the row
 * made and a hash of its content, so that a file imported again changes nothing, and a changed row
 * is told from a new one. Other kinds look a key up to refer to what it made (an assessment's
 * {@code candidateKey}).
 */
@ApplicationScoped
public class ImportKeys {
    /** What a key made, and the hash of the row that last set it. */
    public record Stored(UUID id, String contentHash) {
    }

    private final EntityManager em;

    public ImportKeys(EntityManager em) {
        this.em = em;
    }

    public Optional<Stored> find(String kind, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT entity_id, content_hash FROM import_key WHERE kind = ?1 AND client_key = ?2")
                .setParameter(1, kind).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(r -> new Stored((UUID) r[0], (String) r[1]));
    }

    /** What each of these keys of a kind made, for those imported before (one question for them all). */
    public Map<String, Stored> findAll(String kind, Collection<String> keys) {
        Map<String, Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT client_key, entity_id, content_hash FROM import_key WHERE kind = :kind AND client_key IN (:keys)")
                .setParameter("kind", kind).setParameter("keys", keys).getResultList();
        rows.forEach(r -> found.put((String) r[0], new Stored((UUID) r[1], (String) r[2])));
        return found;
    }

    /** The id a key of a kind made, if it was imported. */
    public Optional<UUID> idOf(String kind, String key) {
        return find(kind, key).map(Stored::id);
    }

    /** A key to record: what its row made and the row's hash. */
    record Made(String key, UUID id, String contentHash) {
    }

    void record(String kind, String key, UUID id, String contentHash, OffsetDateTime at) {
        recordAll(kind, List.of(new Made(key, id, contentHash)), at);
    }

    /** Records keys in the caller's transaction, in one batch. */
    void recordAll(String kind, List<Made> made, OffsetDateTime at) {
        if (made.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO import_key (kind, client_key, entity_id, content_hash, imported_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (kind, client_key) DO UPDATE SET content_hash = excluded.content_hash, imported_at = excluded.imported_at""")) {
                for (Made m : made) {
                    insert.setString(1, kind);
                    insert.setString(2, m.key());
                    insert.setObject(3, m.id());
                    insert.setString(4, m.contentHash());
                    insert.setObject(5, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
