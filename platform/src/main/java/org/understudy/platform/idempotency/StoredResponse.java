package org.understudy.platform.idempotency;

/** The first response to a request made with an idempotency key, as kept to be answered again. */
record StoredResponse(String fingerprint, int status, String location, String etag, String body) {
}
