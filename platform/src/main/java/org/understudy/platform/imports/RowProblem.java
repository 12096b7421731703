package org.understudy.platform.imports;

/**
 * Why a row of an import file was not stored.
 *
 * @param line   the row's line in the file (a CSV file's header is line 1)
 * @param key    the row's own key, when it could be read
 * @param field  the column at fault, or null when the row as a whole is
 * @param reason what is wrong, in words a user can act on
 */
public record RowProblem(long line, String key, String field, String reason) {
}
