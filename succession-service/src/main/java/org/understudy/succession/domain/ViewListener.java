package org.understudy.succession.domain;

import java.time.OffsetDateTime;

/** Who hears of the view's changes as they are applied: the live stream and the alerts (not a rebuild). */
public interface ViewListener {
    ViewListener NONE = new ViewListener() {
        @Override
        public void changed(PostSuccession post) {
        }

        @Override
        public void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                                       OffsetDateTime effectiveAt, String cause, long sequence) {
        }
    };

    /** The post's numbers (or vacancy figures, or incumbent) changed. */
    void changed(PostSuccession post);

    /** The post's replaceability fell far enough for an alert ({@link AlertRule}). */
    void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                            OffsetDateTime effectiveAt, String cause, long sequence);
}
