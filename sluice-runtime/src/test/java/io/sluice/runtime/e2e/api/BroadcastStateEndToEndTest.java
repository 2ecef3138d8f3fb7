package io.sluice.runtime.e2e.api;

import static io.sluice.runtime.e2e.api.E2e.drain;
import static io.sluice.runtime.e2e.api.E2e.env;
import static io.sluice.runtime.e2e.api.E2e.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.datastream.BroadcastStream;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.datastream.SingleOutputStreamOperator;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.co.BroadcastProcessFunction;
import io.sluice.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broadcast state end to end: rules broadcast to a keyed and to a non-keyed stream. The functions
 * emit each (element, rule) pair exactly once whichever of the two arrives first, so the output is
 * exact although the two inputs interleave in no defined order.
 */
class BroadcastStateEndToEndTest {
    static final MapStateDescriptor<String, Long> RULES = new MapStateDescriptor<>("rules", Types.STRING, Types.LONG);
    static final ListStateDescriptor<Long> SEEN = new ListStateDescriptor<>("seen", Types.LONG);
    static final List<Long> THRESHOLDS = List.of(10L, 100L, 150L);

    /** Per key, the elements seen so far in keyed state; each rule is a threshold the element must reach. */
    static final class KeyedRules extends KeyedBroadcastProcessFunction<Long, Long, Long, String> {
        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            for (Map.Entry<String, Long> rule : ctx.getBroadcastState(RULES).immutableEntries()) {
                emit(ctx.getCurrentKey(), value, rule.getValue(), out);
            }
            getRuntimeContext().getListState(SEEN).add(value);
        }

        @Override
        public void processBroadcastElement(Long threshold, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put("r" + threshold, threshold);
            ctx.applyToKeyedState(SEEN, (Long key, ListState<Long> seen) -> {
                for (Long value : seen.get()) {
                    emit(key, value, threshold, out);
                }
            });
        }

        private static void emit(long key, long value, long threshold, Collector<String> out) {
            if (value >= threshold) {
                out.collect("k" + key + " " + value + ">=" + threshold);
            }
        }
    }

    private static List<String> expectedPairs(long from, long to, boolean keyed) {
        List<String> expected = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            for (long t : THRESHOLDS) {
                if (v >= t) {
                    expected.add(keyed ? "k" + (v % 7) + " " + v + ">=" + t : v + ">=" + t);
                }
            }
        }
        return expected;
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void rulesBroadcastToAKeyedStream_applyToKeyedStateAndReadOnlySide_emitEveryPairOnce(
            int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        BroadcastStream<Long> rules = env.fromData(THRESHOLDS).broadcast(RULES);
        List<String> out = drain(env.fromSequence(1, 200)
                .keyBy(v -> v % 7)
                .connect(rules)
                .process(new KeyedRules())
                .executeAndCollect());
        assertThat(sorted(out)).isEqualTo(sorted(expectedPairs(1, 200, true)));
    }

    /** Non-keyed: the subtask's own elements in a field; rules in broadcast state; every rule also to a side output. */
    static final class Rules extends BroadcastProcessFunction<Long, Long, String> {
        static final OutputTag<String> RULES_SEEN = new OutputTag<>("rules-seen", Types.STRING);
        private final List<Long> seen = new ArrayList<>();

        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            for (Map.Entry<String, Long> rule : ctx.getBroadcastState(RULES).immutableEntries()) {
                emit(value, rule.getValue(), out);
            }
            seen.add(value);
        }

        @Override
        public void processBroadcastElement(Long threshold, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put("r" + threshold, threshold);
            ctx.output(RULES_SEEN, "rule " + threshold);
            for (Long value : seen) {
                emit(value, threshold, out);
            }
        }

        private static void emit(long value, long threshold, Collector<String> out) {
            if (value >= threshold) {
                out.collect(value + ">=" + threshold);
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void rulesBroadcastToANonKeyedStream_everySubtaskGetsEveryRule(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        DataStream<Long> values = env.fromSequence(1, 200);
        SingleOutputStreamOperator<String> matched =
                values.connect(env.fromData(THRESHOLDS).broadcast(RULES)).process(new Rules());
        SubtaskSink<String> rulesSeen = new SubtaskSink<>();
        matched.getSideOutput(Rules.RULES_SEEN).sinkTo(rulesSeen);
        SubtaskSink<String> main = new SubtaskSink<>();
        matched.sinkTo(main);
        env.execute("broadcast non-keyed");

        assertThat(sorted(main.all())).isEqualTo(sorted(expectedPairs(1, 200, false)));
        List<String> expectedRules = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            THRESHOLDS.forEach(t -> expectedRules.add("rule " + t));
        }
        assertThat(sorted(rulesSeen.all())).isEqualTo(sorted(expectedRules));
    }

    @Test
    void aKeyedBroadcastFunctionOnANonKeyedStream_isRejected() {
        StreamExecutionEnvironment env = env(1, true);
        BroadcastStream<Long> rules = env.fromData(THRESHOLDS).broadcast(RULES);
        assertThatThrownBy(() -> env.fromSequence(1, 2).connect(rules).process(new KeyedRules()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A KeyedBroadcastProcessFunction can only be used on a keyed stream.");
        assertThatThrownBy(() ->
                        env.fromSequence(1, 2).keyBy(v -> v).connect(rules).process(new Rules()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A BroadcastProcessFunction can only be used on a non-keyed stream.");
    }
}
