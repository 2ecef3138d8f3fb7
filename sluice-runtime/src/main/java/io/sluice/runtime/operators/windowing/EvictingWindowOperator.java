package io.sluice.runtime.operators.windowing;

import io.sluice.api.dag.OperatorSpec.WindowContents;
import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.typeinfo.GenericTypeInfo;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.evictors.TimestampedValue;
import io.sluice.api.windowing.windows.Window;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link WindowOperator} with an {@link Evictor}. It differs only in its buffer: every element
 * is kept with its timestamp, even when the user asked for a reduce or an aggregate. When a window
 * fires, the evictor may drop elements ({@code evictBefore}), the function runs on the rest
 * (reduced or aggregated on the spot if asked for), the evictor may drop more
 * ({@code evictAfter}), and what is left stays in the window.
 */
public class EvictingWindowOperator<K, IN, OUT, W extends Window> extends WindowOperator<K, IN, OUT, W> {

    public EvictingWindowOperator(WindowSpec spec) {
        super(spec);
        if (spec.evictor() == null) {
            throw new IllegalArgumentException("An evicting window operator needs an evictor");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected WindowBuffer<W> createBuffer(HeapKeyedStateBackend<Object> backend) {
        Evictor.EvictorContext clocks = new Evictor.EvictorContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timers.currentProcessingTime();
            }

            @Override
            public long getCurrentWatermark() {
                return timers.currentWatermark();
            }
        };
        return new TimestampedElements<>(spec, (Evictor<Object, W>) spec.evictor(), clocks, backend);
    }

    /** Every element with its timestamp, evicted from around each firing. */
    private static final class TimestampedElements<W extends Window> extends WindowBuffer<W> {
        private final ListState<TimestampedValue<Object>> elements;
        private final Evictor<Object, W> evictor;
        private final Evictor.EvictorContext clocks;
        private final WindowContents contents;
        private final Function incremental;

        TimestampedElements(
                WindowSpec spec,
                Evictor<Object, W> evictor,
                Evictor.EvictorContext clocks,
                HeapKeyedStateBackend<Object> backend) {
            this(spec, evictor, clocks, backend.getOrCreateKeyedState(descriptor(spec)));
        }

        private TimestampedElements(
                WindowSpec spec,
                Evictor<Object, W> evictor,
                Evictor.EvictorContext clocks,
                ListState<TimestampedValue<Object>> elements) {
            super(elements);
            this.elements = elements;
            this.evictor = evictor;
            this.clocks = clocks;
            this.contents = spec.contents();
            this.incremental = spec.incrementalFunction();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static ListStateDescriptor<TimestampedValue<Object>> descriptor(WindowSpec spec) {
            // a missing input type fails the first snapshot, naming the state, like every other state
            TypeInformation elementType = spec.inputType() == null
                    ? new GenericTypeInfo<>(Object.class, "the window's input type is unknown")
                    : spec.inputType();
            TypeInformation type = new TimestampedValueTypeInfo<>(elementType);
            return new ListStateDescriptor<TimestampedValue<Object>>(STATE_NAME, type);
        }

        @Override
        void add(StreamRecord<?> element) throws Exception {
            elements.add(
                    element.hasTimestamp()
                            ? new TimestampedValue<>(element.getValue(), element.getTimestamp())
                            : new TimestampedValue<>(element.getValue()));
        }

        @Override
        void emit(W window, Evaluator<W> evaluator) throws Exception {
            List<TimestampedValue<Object>> kept = new ArrayList<>();
            Iterable<TimestampedValue<Object>> stored = elements.get();
            if (stored != null) {
                stored.forEach(kept::add);
            }
            if (kept.isEmpty()) {
                return;
            }
            evictor.evictBefore(kept, kept.size(), window, clocks);
            Iterable<Object> input = functionInput(kept);
            if (input != null) {
                evaluator.evaluate(window, input);
            }
            evictor.evictAfter(kept, kept.size(), window, clocks);
            elements.update(kept);
        }

        /** What the function sees of the kept elements: them all, their reduction (null if none), or their aggregate. */
        @SuppressWarnings("unchecked")
        private Iterable<Object> functionInput(List<TimestampedValue<Object>> kept) throws Exception {
            List<Object> values = new AbstractList<>() {
                @Override
                public Object get(int index) {
                    return kept.get(index).getValue();
                }

                @Override
                public int size() {
                    return kept.size();
                }
            };
            return switch (contents) {
                case ITERABLE -> values;
                case REDUCE -> {
                    ReduceFunction<Object> reduce = (ReduceFunction<Object>) incremental;
                    Object folded = null;
                    for (Object value : values) {
                        folded = folded == null ? value : reduce.reduce(folded, value);
                    }
                    yield folded == null ? null : Collections.singletonList(folded);
                }
                case AGGREGATE -> {
                    AggregateFunction<Object, Object, Object> aggregate =
                            (AggregateFunction<Object, Object, Object>) incremental;
                    Object accumulator = aggregate.createAccumulator();
                    for (Object value : values) {
                        accumulator = aggregate.add(value, accumulator);
                    }
                    yield Collections.singletonList(aggregate.getResult(accumulator));
                }
            };
        }
    }
}
