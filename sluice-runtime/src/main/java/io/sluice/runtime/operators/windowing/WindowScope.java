package io.sluice.runtime.operators.windowing;

import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.windows.Window;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.operators.timers.InternalTimerService;
import io.sluice.runtime.state.VoidNamespace;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * Everything a window function can reach while it runs for one window: the window, the clocks,
 * keyed state scoped to the window or to the whole key, and side outputs (stamped with the
 * window's {@code maxTimestamp()}). The operator aims it at a window ({@link #window}) before each
 * call; the user-facing contexts of {@link WindowFunctionInvoker} delegate here. Task thread only.
 *
 * @param <W> the window type
 */
final class WindowScope<W extends Window> {
    /** The window the function runs for; set by the operator before each call. */
    W window;

    private final InternalTimerService<?> timers;
    private final Output<?> output;
    private final KeyedStateStore perWindow;
    private final KeyedStateStore perKey;

    WindowScope(
            HeapKeyedStateBackend<Object> backend, InternalTimerService<?> timers, Output<?> output, boolean merging) {
        this.timers = timers;
        this.output = output;
        this.perWindow = new NamespacedStateStore(backend, () -> {
            if (merging) {
                // as in Flink: merging windows would have to merge arbitrary user state
                throw new UnsupportedOperationException("Per-window state is not allowed when using merging windows.");
            }
            return window;
        });
        this.perKey = new NamespacedStateStore(backend, () -> VoidNamespace.INSTANCE);
    }

    W window() {
        return window;
    }

    long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    long currentWatermark() {
        return timers.currentWatermark();
    }

    KeyedStateStore windowState() {
        return perWindow;
    }

    KeyedStateStore globalState() {
        return perKey;
    }

    <X> void output(OutputTag<X> outputTag, X value) {
        if (outputTag == null) {
            throw new IllegalArgumentException("OutputTag must not be null.");
        }
        output.collect(outputTag, new StreamRecord<>(value, window.maxTimestamp()));
    }
}
