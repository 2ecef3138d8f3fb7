package io.sluice.runtime.operators.windowing;

import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.AppendingState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.State;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.typeinfo.GenericTypeInfo;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.windowing.windows.Window;
import io.sluice.runtime.state.InternalMergingState;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.Collection;
import java.util.Collections;

/**
 * What windows hold between firings, kept in one namespaced keyed state named
 * {@value #STATE_NAME}. The namespace is the window itself, or for a merged session the window
 * whose namespace the session kept (see {@link SessionIndex}).
 *
 * <p>One buffer per operator. {@link #switchTo} selects the namespace (of the backend's current
 * key) that the next {@link #add}, {@link #emit} and {@link #clear} calls work on. Three kinds,
 * chosen once from the {@link WindowSpec}: one folded value (reduce or aggregate), every element
 * (a window function over all elements), and every element with its timestamp for an evictor
 * ({@link EvictingWindowOperator}).
 *
 * <p>Task thread only.
 *
 * @param <W> the window type (the namespace)
 */
abstract class WindowBuffer<W extends Window> {
    /** The name of the contents state (as Flink names it). */
    static final String STATE_NAME = "window-contents";

    /** Runs the window function on what a firing window holds. */
    interface Evaluator<W> {
        void evaluate(W window, Iterable<Object> input) throws Exception;
    }

    private final InternalMergingState<W> namespaces;

    @SuppressWarnings("unchecked")
    WindowBuffer(State state) {
        this.namespaces = (InternalMergingState<W>) state;
    }

    /** The buffer a spec without evictor asks for: folded for REDUCE and AGGREGATE, else all elements. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <W extends Window> WindowBuffer<W> forSpec(WindowSpec spec, HeapKeyedStateBackend<Object> backend) {
        TypeInformation elementType = spec.inputType();
        StateDescriptor<?, ?> descriptor =
                switch (spec.contents()) {
                    case ITERABLE -> new ListStateDescriptor<>(STATE_NAME, elementType);
                    case REDUCE -> new ReducingStateDescriptor<>(
                            STATE_NAME, (ReduceFunction) spec.incrementalFunction(), elementType);
                    case AGGREGATE -> new AggregatingStateDescriptor(
                            STATE_NAME,
                            (AggregateFunction) spec.incrementalFunction(),
                            spec.accumulatorType() != null
                                    ? spec.accumulatorType()
                                    : new GenericTypeInfo<>(Object.class, "window accumulator, kept on the heap"));
                };
        State state = backend.getOrCreateKeyedState(descriptor);
        return switch (spec.contents()) {
            case ITERABLE -> new AllElements<>(state);
            case REDUCE, AGGREGATE -> new Folded<>(state);
        };
    }

    /** Makes {@code namespace} the one the following calls read and write. */
    final void switchTo(W namespace) {
        namespaces.setCurrentNamespace(namespace);
    }

    /** Adds an element to the selected namespace. */
    abstract void add(StreamRecord<?> element) throws Exception;

    /**
     * Hands what the selected namespace holds to {@code evaluator}, for {@code window}; does
     * nothing if it holds nothing (a window purged before, or never filled).
     */
    abstract void emit(W window, Evaluator<W> evaluator) throws Exception;

    /** Empties the selected namespace. */
    final void clear() {
        namespaces.clear();
    }

    /** Moves the contents of the {@code sources} namespaces into {@code target}, after the target's own. */
    final void absorb(W target, Collection<W> sources) throws Exception {
        namespaces.mergeNamespaces(target, sources);
    }

    /** REDUCE or AGGREGATE: the state folds each element in; the function sees the one value. */
    private static final class Folded<W extends Window> extends WindowBuffer<W> {
        private final AppendingState<Object, Object> folded;

        @SuppressWarnings("unchecked")
        Folded(State state) {
            super(state);
            this.folded = (AppendingState<Object, Object>) state;
        }

        @Override
        void add(StreamRecord<?> element) throws Exception {
            folded.add(element.getValue());
        }

        @Override
        void emit(W window, Evaluator<W> evaluator) throws Exception {
            Object value = folded.get();
            if (value != null) {
                evaluator.evaluate(window, Collections.singletonList(value));
            }
        }
    }

    /** ITERABLE: the state lists the elements in arrival order; the function sees them all. */
    private static final class AllElements<W extends Window> extends WindowBuffer<W> {
        private final AppendingState<Object, Iterable<Object>> elements;

        @SuppressWarnings("unchecked")
        AllElements(State state) {
            super(state);
            this.elements = (AppendingState<Object, Iterable<Object>>) state;
        }

        @Override
        void add(StreamRecord<?> element) throws Exception {
            elements.add(element.getValue());
        }

        @Override
        void emit(W window, Evaluator<W> evaluator) throws Exception {
            Iterable<Object> all = elements.get();
            if (all != null && all.iterator().hasNext()) {
                evaluator.evaluate(window, all);
            }
        }
    }
}
