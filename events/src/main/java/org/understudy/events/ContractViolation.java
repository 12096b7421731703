package org.understudy.events;

import java.util.List;

/** An event that does not satisfy its contract; the message lists every violation. */
public class ContractViolation extends RuntimeException {
    private final List<String> violations;

    public ContractViolation(List<String> violations) {
        super(String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
