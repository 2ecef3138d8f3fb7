package io.sluice.api.functions;

/** Whether a timer fired on event time or processing time. */
public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
}
