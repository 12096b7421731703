package org.understudy.events;

/** Types published by succession-service on {@link Topics#SUCCESSION_ALERTS}; each carries a {@link SuccessionAlertState}. */
public final class SuccessionEventTypes {
    public static final String REPLACEABILITY_FELL = EventTypes.of("succession", "alert", "replaceability-fell");

    private SuccessionEventTypes() {
    }
}
