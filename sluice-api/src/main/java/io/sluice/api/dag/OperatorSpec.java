package io.sluice.api.dag;

import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.co.CoFlatMapFunction;
import io.sluice.api.functions.co.CoMapFunction;
import io.sluice.api.functions.co.CoProcessFunction;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.api.typeinfo.TypeInformation;
import java.io.Serializable;

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

    /** Rolling reduce on a keyed stream: emits the new aggregate after every element. */
    record ReduceSpec(ReduceFunction<?> function) implements OperatorSpec {
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
}
