package org.understudy.platform.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One row of an import file as read: its line and its values by column, or why it could not be read. */
record ParsedRow(long line, ObjectNode values, RowProblem unreadable) {
}
