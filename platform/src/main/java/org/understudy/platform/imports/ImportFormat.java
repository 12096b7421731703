package org.understudy.platform.imports;

import jakarta.ws.rs.core.MediaType;

/** The file formats an import takes: CSV with a header row, or one JSON object per line. */
public enum ImportFormat {
    CSV("text/csv"),
    NDJSON("application/x-ndjson");

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a request's content type (parameters such as charset ignored), or null for another. */
    public static ImportFormat of(MediaType type) {
        if (type == null) {
            return null;
        }
        String bare = type.getType() + "/" + type.getSubtype();
        for (ImportFormat f : values()) {
            if (f.mediaType.equalsIgnoreCase(bare)) {
                return f;
            }
        }
        return null;
    }
}
