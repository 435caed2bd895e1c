package com.orderengine.stripeemulator.event;

/** No event has the given id. */
public final class NoSuchEventException extends IllegalArgumentException {

    private final String eventId;

    public NoSuchEventException(String eventId) {
        super("No such event: '" + eventId + "'");
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }
}
