package org.understudy.platform.imports;

import java.util.List;
import java.util.UUID;

/**
 * A kind whose new rows can be created a chunk at once (the import creates them after the chunk's
 * other rows, which only leave or update records, and hands them over in the chunk's order, so that a
 * kind whose rows build on one another applies them in that order): the checks that would each ask the
 * database a question per row are asked once for the chunk, and the chunk's records are written in
 * batches when the import flushes. A chunk with a row that cannot be created is refused whole (any exception);
 * the import then applies its rows one by one with {@link #create}, so that each refused row gets its
 * own problem.
 */
public interface BatchedImportKind<R extends KeyedRow> extends ImportKind<R> {
    /** Creates the records of these rows, in the caller's transaction, without flushing; their ids, in order. */
    List<UUID> createAll(List<R> rows, ImportCaller caller);
}
