package org.understudy.platform.imports;

import java.util.Comparator;
import java.util.UUID;

/**
 * One kind of record a service imports: the shape of its rows, and how a row is stored. The import
 * machinery ({@link Importer}) reads the file, checks each row's shape and constraints (Bean
 * Validation on the row type), tells new keys from keys imported before, and calls {@link #create}
 * or {@link #update} inside a transaction; a refusal is an {@link org.understudy.platform.problem.ApiProblem}
 * naming the field, and nothing of the row is stored.
 *
 * @param <R> the row type: a record whose components are the file's columns
 */
public interface ImportKind<R extends KeyedRow> {
    /** The kind's name, as in its path ({@code /api/v1/imports/{name}}). */
    String name();

    Class<R> rowType();


    /**
     * The order rows are applied in, whatever their order in the file (a dated history goes oldest
     * first), or null to keep the file's order.
     */
    default Comparator<R> order() {
        return null;
    }

    /** Stores a row whose key is new; returns the id of what it made. */
    UUID create(R row, ImportCaller caller);

    /** Changes what a row with this key made before to what the row says now, or refuses. */
    void update(R row, UUID id, ImportCaller caller);
}
