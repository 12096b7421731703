package org.understudy.platform.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.List;
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

    /** The id a key of a kind made, if it was imported. */
    public Optional<UUID> idOf(String kind, String key) {
        return find(kind, key).map(Stored::id);
    }

    void record(String kind, String key, UUID id, String contentHash, OffsetDateTime at) {
        em.createNativeQuery("""
                        INSERT INTO import_key (kind, client_key, entity_id, content_hash, imported_at) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (kind, client_key) DO UPDATE SET content_hash = excluded.content_hash, imported_at = excluded.imported_at""")
                .setParameter(1, kind).setParameter(2, key).setParameter(3, id).setParameter(4, contentHash).setParameter(5, at)
                .executeUpdate();
    }
}
