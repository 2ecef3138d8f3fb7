package io.sluice.runtime.e2e.joins;

import io.sluice.api.datastream.DataStream;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.Collector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Element types, sources and helpers shared by the join tests. */
final class JoinTestData {
    private JoinTestData() {}

    /** A left element: key, event timestamp, name. */
    record Order(String key, long ts, String id) implements Serializable {}

    /** A right element: key, event timestamp, name. */
    record Payment(String key, long ts, String id) implements Serializable {}

    static Stream<Arguments> parallelisms() {
        return Stream.of(Arguments.of(1), Arguments.of(4));
    }

    static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setBufferTimeout(5);
        return env;
    }

    /** Orders with their timestamps and no watermarks (event time ends with the input). */
    static DataStream<Order> orders(StreamExecutionEnvironment env, Order... orders) {
        ScriptedSource<Order> source = new ScriptedSource<Order>().emit(orders);
        return env.fromSource(
                        source,
                        WatermarkStrategy.<Order>noWatermarks().withTimestampAssigner((o, ts) -> o.ts()),
                        "Orders",
                        TypeInformation.of(Order.class))
                .setParallelism(1);
    }

    static DataStream<Payment> payments(StreamExecutionEnvironment env, Payment... payments) {
        ScriptedSource<Payment> source = new ScriptedSource<Payment>().emit(payments);
        return env.fromSource(
                        source,
                        WatermarkStrategy.<Payment>noWatermarks().withTimestampAssigner((p, ts) -> p.ts()),
                        "Payments",
                        TypeInformation.of(Payment.class))
                .setParallelism(1);
    }

    /** Punctuated watermarks: after every element, the largest timestamp so far. */
    static <T> WatermarkStrategy<T> punctuated() {
        return WatermarkStrategy.forGenerator(ctx -> new WatermarkGenerator<T>() {
            private long max = Long.MIN_VALUE;

            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
                max = Math.max(max, eventTimestamp);
                output.emitWatermark(new Watermark(max));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {}
        });
    }

    /** Appends "@timestamp" of each record, so tests see the timestamps the join emitted with. */
    static final class WithTimestamp extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }
    }

    static <T extends Comparable<? super T>> List<T> sorted(Collection<T> values) {
        List<T> out = new ArrayList<>(values);
        out.sort(null);
        return out;
    }
}
