package org.understudy.succession.domain;

/**
 * Why someone named as a post's successor does not count for it (docs/succession-view.md, "Successor
 * list"), each the rule of {@link SuccessionRules} it fails. A candidate may fail several.
 */
public enum Exclusion {
    THE_INCUMBENT("they hold the post now"),
    WITHDRAWN("they have withdrawn from the pipeline"),
    ERASED("their record has been erased"),
    FIT_AND_PROPER_NOT_VALID("no fit-and-proper check holds on the day (none, failed, or lapsed)"),
    WILL_NOT_TAKE_A_CHALLENGED_TRUST("the trust is in a challenged oversight segment and they have not said they would consider one"),
    ASSESSMENT_STALE("the readiness they were named with is older than the rules allow"),
    ASSESSED_LATER("the readiness they were named with is dated after the day"),
    NOT_READY("they were named as ready in 3 or more years, or not ready");

    private final String words;

    Exclusion(String words) {
        this.words = words;
    }

    /** The rule in plain words. */
    public String words() {
        return words;
    }
}
