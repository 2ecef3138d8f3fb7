package io.sluice.api.windowing.assigners;

import io.sluice.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.List;

/** What the built-in assigners share. */
final class WindowAssigners {
    static final String NO_TIMESTAMP_MESSAGE = "Record has Long.MIN_VALUE timestamp (= no timestamp marker). "
            + "Did you forget to call 'DataStream.assignTimestampsAndWatermarks(...)'?";

    private WindowAssigners() {}

    /** The sliding windows that hold {@code time}, latest start first. */
    static List<TimeWindow> slidingWindows(long time, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide));
        long lastStart = TimeWindow.getWindowStartWithOffset(time, offset, slide);
        for (long start = lastStart; start > time - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }
}
