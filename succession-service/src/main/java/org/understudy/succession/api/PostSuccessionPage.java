package org.understudy.succession.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The OpenAPI shape of a page of the list: the list answers with JSON it may have written before
 * ({@link LiveListPages}), so its Java signature no longer names the type. Never instantiated.
 */
@Schema(name = "PostSuccessionPage", description = "One page of posts; total counts every match")
record PostSuccessionPage(List<PostSuccessionResponse> items, int page, int size, long total) {
}
