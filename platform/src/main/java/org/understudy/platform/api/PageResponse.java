package org.understudy.platform.api;

import java.util.List;

/**
 * One page of a listing. Pages are numbered from 0; {@code total} counts every match, so a
 * client knows how many pages there are.
 */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
