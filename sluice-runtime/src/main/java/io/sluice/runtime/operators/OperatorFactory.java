package io.sluice.runtime.operators;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.dag.OperatorSpec.AggregationSpec;
import io.sluice.api.dag.OperatorSpec.BroadcastProcessSpec;
import io.sluice.api.dag.OperatorSpec.CoFlatMapSpec;
import io.sluice.api.dag.OperatorSpec.CoMapSpec;
import io.sluice.api.dag.OperatorSpec.CoProcessSpec;
import io.sluice.api.dag.OperatorSpec.FilterSpec;
import io.sluice.api.dag.OperatorSpec.FlatMapSpec;
import io.sluice.api.dag.OperatorSpec.IntervalJoinSpec;
import io.sluice.api.dag.OperatorSpec.KeyedBroadcastProcessSpec;
import io.sluice.api.dag.OperatorSpec.KeyedCoProcessSpec;
import io.sluice.api.dag.OperatorSpec.KeyedProcessSpec;
import io.sluice.api.dag.OperatorSpec.MapSpec;
import io.sluice.api.dag.OperatorSpec.ProcessSpec;
import io.sluice.api.dag.OperatorSpec.ReduceSpec;
import io.sluice.api.dag.OperatorSpec.TimestampsAndWatermarksSpec;
import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.co.BroadcastProcessFunction;
import io.sluice.api.functions.co.CoFlatMapFunction;
import io.sluice.api.functions.co.CoMapFunction;
import io.sluice.api.functions.co.CoProcessFunction;
import io.sluice.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.runtime.operators.join.IntervalJoinOperator;
import io.sluice.runtime.operators.windowing.EvictingWindowOperator;
import io.sluice.runtime.operators.windowing.WindowOperator;

/** Creates the operator an {@link OperatorSpec} describes. */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class OperatorFactory implements OperatorSpec.Visitor<StreamOperator<?>> {
    public static final OperatorFactory INSTANCE = new OperatorFactory();

    private OperatorFactory() {}

    public static StreamOperator<?> create(OperatorSpec spec) {
        return spec.accept(INSTANCE);
    }

    @Override
    public StreamOperator<?> visit(MapSpec spec) {
        return new StreamMap<>((MapFunction) spec.function());
    }

    @Override
    public StreamOperator<?> visit(FlatMapSpec spec) {
        return new StreamFlatMap<>((FlatMapFunction) spec.function());
    }

    @Override
    public StreamOperator<?> visit(FilterSpec spec) {
        return new StreamFilter<>((FilterFunction) spec.function());
    }

    @Override
    public StreamOperator<?> visit(ProcessSpec spec) {
        return new ProcessOperator<>((ProcessFunction) spec.function());
    }

    @Override
    public StreamOperator<?> visit(KeyedProcessSpec spec) {
        return new KeyedProcessOperator<>((KeyedProcessFunction) spec.function());
    }

    @Override
    public StreamOperator<?> visit(ReduceSpec spec) {
        return new StreamGroupedReduce<>((ReduceFunction) spec.function(), spec.inputType());
    }

    @Override
    public StreamOperator<?> visit(AggregationSpec spec) {
        return new StreamGroupedAggregation<>(spec);
    }

    @Override
    public StreamOperator<?> visit(CoMapSpec spec) {
        return new CoStreamMap<>((CoMapFunction) spec.function());
    }

    @Override
    public StreamOperator<?> visit(CoFlatMapSpec spec) {
        return new CoStreamFlatMap<>((CoFlatMapFunction) spec.function());
    }

    @Override
    public StreamOperator<?> visit(CoProcessSpec spec) {
        return new CoProcessOperator<>((CoProcessFunction) spec.function());
    }

    @Override
    public StreamOperator<?> visit(KeyedCoProcessSpec spec) {
        return new KeyedCoProcessOperator<>((KeyedCoProcessFunction) spec.function());
    }

    @Override
    public StreamOperator<?> visit(TimestampsAndWatermarksSpec spec) {
        return new TimestampsAndWatermarksOperator<>((WatermarkStrategy) spec.strategy());
    }

    @Override
    public StreamOperator<?> visit(IntervalJoinSpec spec) {
        return new IntervalJoinOperator<>(spec);
    }

    @Override
    public StreamOperator<?> visit(BroadcastProcessSpec spec) {
        return new CoBroadcastWithNonKeyedOperator<>(
                (BroadcastProcessFunction) spec.function(), spec.broadcastStateDescriptors());
    }

    @Override
    public StreamOperator<?> visit(KeyedBroadcastProcessSpec spec) {
        return new CoBroadcastWithKeyedOperator<>(
                (KeyedBroadcastProcessFunction) spec.function(), spec.broadcastStateDescriptors());
    }

    @Override
    public StreamOperator<?> visit(WindowSpec spec) {
        return spec.evictor() == null ? new WindowOperator<>(spec) : new EvictingWindowOperator<>(spec);
    }
}
