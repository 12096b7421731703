package org.understudy.events;

import java.util.UUID;

/** The full state of a post (a board role at an organisation), as carried in post events. */
public record PostState(UUID postId, String odsCode, BoardRole role) {
}
