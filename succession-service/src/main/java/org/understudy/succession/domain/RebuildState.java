package org.understudy.succession.domain;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the view is being rebuilt from the topics: no alerts then, and time does not move it. */
@ApplicationScoped
public class RebuildState {
    private volatile boolean rebuilding;

    public boolean rebuilding() {
        return rebuilding;
    }

    public void set(boolean rebuilding) {
        this.rebuilding = rebuilding;
    }
}
