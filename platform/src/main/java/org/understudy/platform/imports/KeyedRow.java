package org.understudy.platform.imports;

/** A row of an import file: whatever else it holds, the client's own key of the record. */
public interface KeyedRow {
    /** The client's own key of the row (their ESR or recruitment-system id). */
    String key();
}
