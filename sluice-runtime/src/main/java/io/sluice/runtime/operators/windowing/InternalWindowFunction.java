package io.sluice.runtime.operators.windowing;

import io.sluice.api.functions.Function;
import io.sluice.api.functions.windowing.AllWindowFunction;
import io.sluice.api.functions.windowing.ProcessAllWindowFunction;
import io.sluice.api.functions.windowing.ProcessWindowFunction;
import io.sluice.api.functions.windowing.WindowFunction;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.windows.Window;

/**
 * The one call the window operator makes when a window fires, whatever the user's function kind:
 * {@link WindowFunction}, {@link ProcessWindowFunction}, their {@code All} variants, or none (after
 * reduce/aggregate the pre-aggregated value is emitted as it is). Chosen once, when the operator is
 * created.
 */
abstract class InternalWindowFunction<IN, OUT, K, W extends Window> {

    /** What the operator offers a window function while it runs for one window. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        KeyedStateStore windowState();

        KeyedStateStore globalState();

        <X> void output(OutputTag<X> outputTag, X value);
    }

    abstract void process(K key, W window, Context context, Iterable<IN> input, Collector<OUT> out) throws Exception;

    /** Called when the window is dropped for good. */
    void clear(W window, Context context) throws Exception {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <IN, OUT, K, W extends Window> InternalWindowFunction<IN, OUT, K, W> of(Function function) {
        if (function == null) {
            return (InternalWindowFunction) new PassThrough<>();
        }
        if (function instanceof WindowFunction f) {
            return new Keyed<>(f);
        }
        if (function instanceof AllWindowFunction f) {
            return new All<>(f);
        }
        if (function instanceof ProcessWindowFunction f) {
            return new KeyedProcess<>(f);
        }
        if (function instanceof ProcessAllWindowFunction f) {
            return new AllProcess<>(f);
        }
        throw new IllegalArgumentException(
                "Not a window function: " + function.getClass().getName()
                        + "; use a WindowFunction, ProcessWindowFunction, AllWindowFunction or ProcessAllWindowFunction");
    }

    /** No window function: emit the pre-aggregated value(s). */
    private static final class PassThrough<T, K, W extends Window> extends InternalWindowFunction<T, T, K, W> {
        @Override
        void process(K key, W window, Context context, Iterable<T> input, Collector<T> out) {
            for (T value : input) {
                out.collect(value);
            }
        }
    }

    private static final class Keyed<IN, OUT, K, W extends Window> extends InternalWindowFunction<IN, OUT, K, W> {
        private final WindowFunction<IN, OUT, K, W> function;

        Keyed(WindowFunction<IN, OUT, K, W> function) {
            this.function = function;
        }

        @Override
        void process(K key, W window, Context context, Iterable<IN> input, Collector<OUT> out) throws Exception {
            function.apply(key, window, input, out);
        }
    }

    private static final class All<IN, OUT, K, W extends Window> extends InternalWindowFunction<IN, OUT, K, W> {
        private final AllWindowFunction<IN, OUT, W> function;

        All(AllWindowFunction<IN, OUT, W> function) {
            this.function = function;
        }

        @Override
        void process(K key, W window, Context context, Iterable<IN> input, Collector<OUT> out) throws Exception {
            function.apply(window, input, out);
        }
    }

    private static final class KeyedProcess<IN, OUT, K, W extends Window>
            extends InternalWindowFunction<IN, OUT, K, W> {
        private final ProcessWindowFunction<IN, OUT, K, W> function;
        private final ContextImpl context;

        KeyedProcess(ProcessWindowFunction<IN, OUT, K, W> function) {
            this.function = function;
            this.context = new ContextImpl();
        }

        @Override
        void process(K key, W window, Context internal, Iterable<IN> input, Collector<OUT> out) throws Exception {
            context.window = window;
            context.internal = internal;
            function.process(key, context, input, out);
        }

        @Override
        void clear(W window, Context internal) throws Exception {
            context.window = window;
            context.internal = internal;
            function.clear(context);
        }

        private final class ContextImpl extends ProcessWindowFunction<IN, OUT, K, W>.Context {
            W window;
            Context internal;

            ContextImpl() {
                function.super();
            }

            @Override
            public W window() {
                return window;
            }

            @Override
            public long currentProcessingTime() {
                return internal.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return internal.currentWatermark();
            }

            @Override
            public KeyedStateStore windowState() {
                return internal.windowState();
            }

            @Override
            public KeyedStateStore globalState() {
                return internal.globalState();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                internal.output(outputTag, value);
            }
        }
    }

    private static final class AllProcess<IN, OUT, K, W extends Window> extends InternalWindowFunction<IN, OUT, K, W> {
        private final ProcessAllWindowFunction<IN, OUT, W> function;
        private final ContextImpl context;

        AllProcess(ProcessAllWindowFunction<IN, OUT, W> function) {
            this.function = function;
            this.context = new ContextImpl();
        }

        @Override
        void process(K key, W window, Context internal, Iterable<IN> input, Collector<OUT> out) throws Exception {
            context.window = window;
            context.internal = internal;
            function.process(context, input, out);
        }

        @Override
        void clear(W window, Context internal) throws Exception {
            context.window = window;
            context.internal = internal;
            function.clear(context);
        }

        private final class ContextImpl extends ProcessAllWindowFunction<IN, OUT, W>.Context {
            W window;
            Context internal;

            ContextImpl() {
                function.super();
            }

            @Override
            public W window() {
                return window;
            }

            @Override
            public KeyedStateStore windowState() {
                return internal.windowState();
            }

            @Override
            public KeyedStateStore globalState() {
                return internal.globalState();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                internal.output(outputTag, value);
            }
        }
    }
}
