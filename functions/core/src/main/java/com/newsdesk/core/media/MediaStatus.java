package com.newsdesk.core.media;

/** Where an item stands: waiting for its file, processed into variants, or refused with a reason. */
public enum MediaStatus {
    AWAITING_UPLOAD("awaiting-upload"), READY("ready"), REFUSED("refused");

    private final String wireName;

    MediaStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static MediaStatus fromWire(String wireName) {
        for (MediaStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw new IllegalStateException("unknown media status " + wireName);
    }
}
