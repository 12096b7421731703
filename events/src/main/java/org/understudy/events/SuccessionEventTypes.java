package org.understudy.events;

/**
 * Types published by succession-service on {@link Topics#SUCCESSION_ALERTS}: a replaceability alert carries a
 * {@link SuccessionAlertState}, an appointment after a dismissal an {@link AppointmentAlertState}.
 */
public final class SuccessionEventTypes {
    public static final String REPLACEABILITY_FELL = EventTypes.of("succession", "alert", "replaceability-fell");
    public static final String APPOINTED_AFTER_DISMISSAL = EventTypes.of("succession", "appointment", "after-dismissal");

    private SuccessionEventTypes() {
    }
}
