package io.sluice.api.windowing.assigners;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each element into zero or more windows. Runs on the task thread of the window operator,
 * once per element.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The windows {@code element} belongs to.
     *
     * @param timestamp the element's timestamp (event time), or {@link Long#MIN_VALUE} if it has
     *     none; processing-time assigners read the clock from {@code context} instead
     */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** The trigger used when the user sets none. */
    public abstract Trigger<T, W> getDefaultTrigger();

    /** How the windows are written into state and snapshots. */
    public abstract TypeSerializer<W> getWindowSerializer(ExecutionConfig executionConfig);

    /** Whether the windows are in event time (so late elements and allowed lateness apply). */
    public abstract boolean isEventTime();

    /** What an assigner may ask the operator. */
    public abstract static class WindowAssignerContext {
        /** The current processing time of the task. */
        public abstract long getCurrentProcessingTime();
    }
}
