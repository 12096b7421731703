package org.understudy.events;

/**
 * Types published by succession-service on {@link Topics#SUCCESSION_ALERTS}: a replaceability alert carries a
 * {@link SuccessionAlertState}, an appointment after a dismissal an {@link AppointmentAlertState}.
 */
public final class SuccessionEventTypes {
    /** Version 2: a post may be a regional director's (alert-state.v2.json). */
    public static final String REPLACEABILITY_FELL = EventTypes.of("succession", "alert", "replaceability-fell", 2);
    public static final String APPOINTED_AFTER_DISMISSAL = EventTypes.of("succession", "appointment", "after-dismissal");

    private SuccessionEventTypes() {
    }
}
