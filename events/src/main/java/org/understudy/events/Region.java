package org.understudy.events;

/** The seven NHS England regions. */
public enum Region {
    LONDON("London"),
    SOUTH_EAST("South East"),
    SOUTH_WEST("South West"),
    EAST_OF_ENGLAND("East of England"),
    MIDLANDS("Midlands"),
    NORTH_WEST("North West"),
    NORTH_EAST_AND_YORKSHIRE("North East and Yorkshire");

    private final String displayName;

    Region(String displayName) {
        this.displayName = displayName;
    }

    /** The name NHS England uses, as in ODS extracts. */
    public String displayName() {
        return displayName;
    }
}
