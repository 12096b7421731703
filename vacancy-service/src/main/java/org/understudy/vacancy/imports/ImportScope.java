package org.understudy.vacancy.imports;

import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.Caller;
import org.understudy.vacancy.domain.OrganisationWriteScope;

import java.time.Clock;
import java.time.LocalDate;

/** What every vacancy-service import row is checked for: the caller may write to its organisation, and its dates have come. */
final class ImportScope {
    private ImportScope() {
    }

    /** Refuses (403 naming odsCode) a row for an organisation the caller's token does not list. */
    static void requireWrite(ImportCaller caller, String odsCode) {
        if (!OrganisationWriteScope.permits(caller.roles(), caller.organisations(), odsCode)) {
            throw ApiProblem.forbidden("odsCode", "your token may not change organisation " + odsCode
                    + " (hr users may change only the organisations their token lists)");
        }
    }

    /** Refuses (400 naming the field) a date after today. */
    static void requirePast(LocalDate date, String field, Clock clock) {
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            throw ApiProblem.badRequest(field, field + ": " + date + " is in the future; an import holds what has happened");
        }
    }

    static Caller callerOf(ImportCaller caller) {
        return new Caller(caller.name(), caller.roles());
    }
}
