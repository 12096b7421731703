package org.understudy.candidate.successors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A post's successor list as succession-service reckons it (who counts, who is named but does not, and
 * why), with each person's name and current job where the caller may see them.
 */
@Schema(name = "NamedSuccessorList")
public record SuccessorList(UUID postId, String odsCode, String role,
                            @Schema(description = "The day the exclusions were judged on") LocalDate day,
                            @Schema(description = "Whether names are shown: talent and admin users, and hr users for their own trust's posts")
                            boolean namesShown,
                            List<Successor> counting, List<Successor> namedNotCounting) {

    public record Assessment(String level, LocalDate on, LocalDate staleFrom) {
    }

    public record FitAndProper(String status, LocalDate checkedOn, LocalDate lapsesOn) {
    }

    public record Reason(String code, String words) {
    }

    /** Name and current job; null where the caller may not see them, or the candidate was erased. */
    public record Person(String name, String currentJobTitle, String currentOrganisationOdsCode) {
    }

    public record Successor(UUID candidateId, String level, boolean named, Assessment nomination, Assessment roleReadiness,
                            FitAndProper fitAndProper, LocalDate countsUntil, List<Reason> exclusions, Person person) {

        Successor withPerson(Person p) {
            return new Successor(candidateId, level, named, nomination, roleReadiness, fitAndProper, countsUntil, exclusions, p);
        }
    }

    SuccessorList withPeople(java.util.Map<UUID, Person> people, boolean shown) {
        return new SuccessorList(postId, odsCode, role, day, shown,
                counting.stream().map(s -> s.withPerson(people.get(s.candidateId()))).toList(),
                namedNotCounting.stream().map(s -> s.withPerson(people.get(s.candidateId()))).toList());
    }
}
