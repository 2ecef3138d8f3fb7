package io.sluice.api.dag;

import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.functions.Function;
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
import io.sluice.api.functions.co.ProcessJoinFunction;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.triggers.Trigger;
import java.io.Serializable;
import java.util.List;

/**
 * What an operator computes, as data: the user function plus its parameters. The runtime turns
 * each spec into an operator through {@link Visitor}, so adding a spec makes every visitor fail
 * to compile until it handles the new kind.
 */
public sealed interface OperatorSpec extends Serializable {

    /** The user function (for open/close, names and type extraction), or null. */
    Function function();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of operator. */
    interface Visitor<R> {
        R visit(MapSpec spec);

        R visit(FlatMapSpec spec);

        R visit(FilterSpec spec);

        R visit(ProcessSpec spec);

        R visit(KeyedProcessSpec spec);

        R visit(ReduceSpec spec);

        R visit(AggregationSpec spec);

        R visit(CoMapSpec spec);

        R visit(CoFlatMapSpec spec);

        R visit(CoProcessSpec spec);

        R visit(KeyedCoProcessSpec spec);

        R visit(TimestampsAndWatermarksSpec spec);

        R visit(WindowSpec spec);

        R visit(IntervalJoinSpec spec);

        R visit(BroadcastProcessSpec spec);

        R visit(KeyedBroadcastProcessSpec spec);
    }

    record MapSpec(MapFunction<?, ?> function) implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record FlatMapSpec(FlatMapFunction<?, ?> function) implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record FilterSpec(FilterFunction<?> function) implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record ProcessSpec(ProcessFunction<?, ?> function) implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record KeyedProcessSpec(KeyedProcessFunction<?, ?, ?> function) implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Rolling reduce on a keyed stream: emits the new aggregate after every element.
     *
     * @param inputType the element type (the type of the per-key value in keyed state), or null if unknown
     */
    record ReduceSpec(ReduceFunction<?> function, TypeInformation<?> inputType) implements OperatorSpec {
        public ReduceSpec(ReduceFunction<?> function) {
            this(function, null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Which rolling field aggregation. */
    enum AggregationKind {
        SUM,
        MIN,
        MAX,
        MIN_BY,
        MAX_BY
    }

    /**
     * Rolling field aggregation on a keyed stream. The field is a position ({@code fieldName == null})
     * or a name; {@code first} chooses, for MIN_BY/MAX_BY, the first element among equal values.
     */
    record AggregationSpec(
            AggregationKind kind, int fieldPosition, String fieldName, boolean first, TypeInformation<?> inputType)
            implements OperatorSpec {
        @Override
        public Function function() {
            return null;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record CoMapSpec(CoMapFunction<?, ?, ?> function) implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record CoFlatMapSpec(CoFlatMapFunction<?, ?, ?> function) implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record CoProcessSpec(CoProcessFunction<?, ?, ?> function) implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record KeyedCoProcessSpec(KeyedCoProcessFunction<?, ?, ?, ?> function) implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A non-keyed stream (input 1) connected with a broadcast stream (input 2).
     *
     * @param broadcastStateDescriptors the broadcast states given to {@code broadcast(...)}
     */
    record BroadcastProcessSpec(
            BroadcastProcessFunction<?, ?, ?> function, List<MapStateDescriptor<?, ?>> broadcastStateDescriptors)
            implements OperatorSpec {
        public BroadcastProcessSpec {
            broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A keyed stream (input 1) connected with a broadcast stream (input 2, not keyed).
     *
     * @param broadcastStateDescriptors the broadcast states given to {@code broadcast(...)}
     */
    record KeyedBroadcastProcessSpec(
            KeyedBroadcastProcessFunction<?, ?, ?, ?> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors)
            implements OperatorSpec {
        public KeyedBroadcastProcessSpec {
            broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code assignTimestampsAndWatermarks}: timestamps and watermarks from {@code strategy},
     * replacing the upstream ones (only the final watermark passes).
     */
    record TimestampsAndWatermarksSpec(WatermarkStrategy<?> strategy) implements OperatorSpec {
        @Override
        public Function function() {
            return null;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** How a window operator keeps a window's elements until it fires. */
    enum WindowContents {
        /** Every element, in arrival order (apply/process, and always with an evictor). */
        ITERABLE,
        /** One value, reduced with {@link WindowSpec#incrementalFunction()} (a ReduceFunction). */
        REDUCE,
        /** One accumulator of {@link WindowSpec#incrementalFunction()} (an AggregateFunction). */
        AGGREGATE
    }

    /**
     * A window operator on a keyed stream ({@code windowAll} keys by a constant).
     *
     * @param evictor null for none
     * @param allowedLateness milliseconds, at least 0
     * @param lateDataOutputTag null to drop late elements
     * @param incrementalFunction the ReduceFunction or AggregateFunction of REDUCE/AGGREGATE, else null
     * @param windowFunction a WindowFunction, ProcessWindowFunction, AllWindowFunction or
     *     ProcessAllWindowFunction; null after reduce/aggregate emits the pre-aggregated value
     * @param inputType the element type
     * @param accumulatorType the AggregateFunction's accumulator type, else null
     */
    record WindowSpec(
            WindowAssigner<?, ?> assigner,
            Trigger<?, ?> trigger,
            Evictor<?, ?> evictor,
            long allowedLateness,
            OutputTag<?> lateDataOutputTag,
            WindowContents contents,
            Function incrementalFunction,
            Function windowFunction,
            TypeInformation<?> inputType,
            TypeInformation<?> accumulatorType)
            implements OperatorSpec {
        @Override
        public Function function() {
            return windowFunction;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * An event-time interval join of two keyed inputs: a left element at {@code t} joins the right
     * elements of its key in {@code [t + lowerBound, t + upperBound]}, each bound inclusive unless
     * said otherwise. Late elements go to the tags' side outputs if set, else are dropped. The
     * element types describe the buffers kept in keyed state.
     */
    record IntervalJoinSpec(
            long lowerBound,
            long upperBound,
            boolean lowerBoundInclusive,
            boolean upperBoundInclusive,
            OutputTag<?> leftLateDataOutputTag,
            OutputTag<?> rightLateDataOutputTag,
            TypeInformation<?> leftType,
            TypeInformation<?> rightType,
            ProcessJoinFunction<?, ?, ?> function)
            implements OperatorSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
