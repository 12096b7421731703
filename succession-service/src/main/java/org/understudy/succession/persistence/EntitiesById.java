package org.understudy.succession.persistence;

import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The existing entities among some ids, keyed by id, in at most one statement. Rows the transaction
 * already holds come back as they are held (with their unflushed changes), as {@code em.find} returns them.
 */
final class EntitiesById {
    private EntitiesById() {
    }

    static <K, T> Map<K, T> load(EntityManager em, Class<T> type, String idAttribute, Collection<K> ids, Function<T, K> idOf) {
        Map<K, T> out = new HashMap<>();
        if (ids.size() == 1) {
            // One id (most events): find needs no HQL translation, and no statement when the transaction holds
            // the row. A query with an IN list is translated anew on every call (Hibernate caches no plan for it).
            K id = ids.iterator().next();
            T found = em.find(type, id);
            if (found != null) {
                out.put(id, found);
            }
        } else if (!ids.isEmpty()) {
            for (T found : em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e." + idAttribute + " IN :ids", type)
                    .setParameter("ids", ids).getResultList()) {
                out.put(idOf.apply(found), found);
            }
        }
        return out;
    }
}
