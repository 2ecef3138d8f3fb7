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
 * Calls the user's window function, whatever its kind, for the window its {@link WindowScope}
 * points at: {@link WindowFunction}, {@link ProcessWindowFunction}, their {@code All} variants, or
 * none at all (the reduced or aggregated value is the result). Picked once per operator by
 * {@link #create}; the process variants build their user-facing context once, as a view of the
 * scope.
 *
 * @param <K> the key type
 * @param <W> the window type
 */
abstract class WindowFunctionInvoker<K, W extends Window> {
    final WindowScope<W> scope;

    private WindowFunctionInvoker(WindowScope<W> scope) {
        this.scope = scope;
    }

    /** Runs the function for the scope's window on {@code input}. */
    abstract void invoke(K key, Iterable<Object> input, Collector<Object> out) throws Exception;

    /** The scope's window is dropped for good: the function may clear its per-window state. */
    void windowDropped() throws Exception {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <K, W extends Window> WindowFunctionInvoker<K, W> create(Function function, WindowScope<W> scope) {
        if (function == null) {
            return new EmitInput<>(scope);
        }
        if (function instanceof WindowFunction apply) {
            return new Apply<>(apply, scope);
        }
        if (function instanceof AllWindowFunction apply) {
            return new ApplyAll<>(apply, scope);
        }
        if (function instanceof ProcessWindowFunction process) {
            return new Process<>(process, scope);
        }
        if (function instanceof ProcessAllWindowFunction process) {
            return new ProcessAll<>(process, scope);
        }
        throw new IllegalArgumentException(
                "Not a window function: " + function.getClass().getName()
                        + "; use a WindowFunction, ProcessWindowFunction, AllWindowFunction or ProcessAllWindowFunction");
    }

    /** No window function: the input (the pre-aggregated value) is the output. */
    private static final class EmitInput<K, W extends Window> extends WindowFunctionInvoker<K, W> {
        EmitInput(WindowScope<W> scope) {
            super(scope);
        }

        @Override
        void invoke(K key, Iterable<Object> input, Collector<Object> out) {
            for (Object value : input) {
                out.collect(value);
            }
        }
    }

    private static final class Apply<K, W extends Window> extends WindowFunctionInvoker<K, W> {
        private final WindowFunction<Object, Object, K, W> function;

        Apply(WindowFunction<Object, Object, K, W> function, WindowScope<W> scope) {
            super(scope);
            this.function = function;
        }

        @Override
        void invoke(K key, Iterable<Object> input, Collector<Object> out) throws Exception {
            function.apply(key, scope.window, input, out);
        }
    }

    private static final class ApplyAll<K, W extends Window> extends WindowFunctionInvoker<K, W> {
        private final AllWindowFunction<Object, Object, W> function;

        ApplyAll(AllWindowFunction<Object, Object, W> function, WindowScope<W> scope) {
            super(scope);
            this.function = function;
        }

        @Override
        void invoke(K key, Iterable<Object> input, Collector<Object> out) throws Exception {
            function.apply(scope.window, input, out);
        }
    }

    private static final class Process<K, W extends Window> extends WindowFunctionInvoker<K, W> {
        private final ProcessWindowFunction<Object, Object, K, W> function;
        private final ProcessWindowFunction<Object, Object, K, W>.Context view;

        Process(ProcessWindowFunction<Object, Object, K, W> function, WindowScope<W> scope) {
            super(scope);
            this.function = function;
            this.view = function.new Context() {
                @Override
                public W window() {
                    return scope.window();
                }

                @Override
                public long currentProcessingTime() {
                    return scope.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return scope.currentWatermark();
                }

                @Override
                public KeyedStateStore windowState() {
                    return scope.windowState();
                }

                @Override
                public KeyedStateStore globalState() {
                    return scope.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    scope.output(outputTag, value);
                }
            };
        }

        @Override
        void invoke(K key, Iterable<Object> input, Collector<Object> out) throws Exception {
            function.process(key, view, input, out);
        }

        @Override
        void windowDropped() throws Exception {
            function.clear(view);
        }
    }

    private static final class ProcessAll<K, W extends Window> extends WindowFunctionInvoker<K, W> {
        private final ProcessAllWindowFunction<Object, Object, W> function;
        private final ProcessAllWindowFunction<Object, Object, W>.Context view;

        ProcessAll(ProcessAllWindowFunction<Object, Object, W> function, WindowScope<W> scope) {
            super(scope);
            this.function = function;
            this.view = function.new Context() {
                @Override
                public W window() {
                    return scope.window();
                }

                @Override
                public KeyedStateStore windowState() {
                    return scope.windowState();
                }

                @Override
                public KeyedStateStore globalState() {
                    return scope.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    scope.output(outputTag, value);
                }
            };
        }

        @Override
        void invoke(K key, Iterable<Object> input, Collector<Object> out) throws Exception {
            function.process(view, input, out);
        }

        @Override
        void windowDropped() throws Exception {
            function.clear(view);
        }
    }
}
