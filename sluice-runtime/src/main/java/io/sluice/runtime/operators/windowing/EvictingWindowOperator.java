package io.sluice.runtime.operators.windowing;

import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.typeinfo.GenericTypeInfo;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.evictors.TimestampedValue;
import io.sluice.api.windowing.windows.Window;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link WindowOperator} with an {@link Evictor}: every element is kept with its timestamp (no
 * incremental reduce or aggregate); when the window fires, the evictor removes elements before the
 * function runs ({@code evictBefore}), the function sees the rest (reduced or aggregated first if
 * the user asked for that), then the evictor may remove more ({@code evictAfter}); what remains is
 * the window's new contents.
 */
public class EvictingWindowOperator<K, IN, OUT, W extends Window> extends WindowOperator<K, IN, OUT, W> {
    private final Evictor<Object, W> evictor;
    private ListState<TimestampedValue<Object>> evictingState;
    private Evictor.EvictorContext evictorContext;

    @SuppressWarnings("unchecked")
    public EvictingWindowOperator(WindowSpec spec) {
        super(spec);
        this.evictor = (Evictor<Object, W>) spec.evictor();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        evictingState = (ListState<TimestampedValue<Object>>) windowStateNamespaces;
        evictorContext = new Evictor.EvictorContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timerService.currentProcessingTime();
            }

            @Override
            public long getCurrentWatermark() {
                return timerService.currentWatermark();
            }
        };
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected StateDescriptor<?, ?> windowStateDescriptor() {
        TypeInformation type = new GenericTypeInfo<>(TimestampedValue.class, "evicting window contents, on the heap");
        return new ListStateDescriptor<TimestampedValue<Object>>(WINDOW_CONTENTS, type);
    }

    @Override
    protected void addElement(StreamRecord<IN> element) throws Exception {
        evictingState.add(
                element.hasTimestamp()
                        ? new TimestampedValue<>(element.getValue(), element.getTimestamp())
                        : new TimestampedValue<>(element.getValue()));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean emitWindowContents(W window) throws Exception {
        List<TimestampedValue<Object>> elements = new ArrayList<>();
        evictingState.get().forEach(elements::add);
        if (elements.isEmpty()) {
            return false;
        }
        evictor.evictBefore(elements, elements.size(), window, evictorContext);
        List<Object> values = new AbstractList<>() {
            @Override
            public Object get(int index) {
                return elements.get(index).getValue();
            }

            @Override
            public int size() {
                return elements.size();
            }
        };
        switch (spec.contents()) {
            case ITERABLE -> evaluate(window, values);
            case REDUCE -> {
                ReduceFunction<Object> reduce = (ReduceFunction<Object>) spec.incrementalFunction();
                Object reduced = null;
                for (Object value : values) {
                    reduced = reduced == null ? value : reduce.reduce(reduced, value);
                }
                if (reduced != null) {
                    evaluate(window, Collections.singletonList(reduced));
                }
            }
            case AGGREGATE -> {
                AggregateFunction<Object, Object, Object> aggregate =
                        (AggregateFunction<Object, Object, Object>) spec.incrementalFunction();
                Object accumulator = aggregate.createAccumulator();
                for (Object value : values) {
                    accumulator = aggregate.add(value, accumulator);
                }
                evaluate(window, Collections.singletonList(aggregate.getResult(accumulator)));
            }
        }
        evictor.evictAfter(elements, elements.size(), window, evictorContext);
        evictingState.update(elements);
        return true;
    }
}
