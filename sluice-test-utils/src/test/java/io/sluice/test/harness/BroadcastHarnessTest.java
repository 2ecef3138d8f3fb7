package io.sluice.test.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.eventtime.Watermark;
import io.sluice.api.functions.co.BroadcastProcessFunction;
import io.sluice.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReadOnlyBroadcastState;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.state.OperatorRestore;
import io.sluice.runtime.state.OperatorSubtaskState;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BroadcastHarnessTest {
    static final MapStateDescriptor<String, Integer> LIMITS =
            new MapStateDescriptor<>("limits", Types.STRING, Types.INT);
    static final ValueStateDescriptor<Integer> SUM = new ValueStateDescriptor<>("sum", Types.INT);
    static final OutputTag<String> ALERTS = new OutputTag<>("alerts", Types.STRING);

    /**
     * Sums values per key; an element over its key's limit (broadcast rule "key=limit") goes to
     * the alerts side output; an event-time timer at the element's timestamp + 10 emits the sum.
     */
    static final class SumWithLimits extends KeyedBroadcastProcessFunction<String, String, String, String> {
        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            String key = ctx.getCurrentKey();
            int amount = Integer.parseInt(value.substring(value.indexOf(':') + 1));
            ValueState<Integer> sum = getRuntimeContext().getState(SUM);
            sum.update((sum.value() == null ? 0 : sum.value()) + amount);
            Integer limit = ctx.getBroadcastState(LIMITS).get(key);
            if (limit != null && amount > limit) {
                ctx.output(ALERTS, key + " " + amount + ">" + limit + "@" + ctx.timestamp());
            }
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            String[] kv = rule.split("=");
            ctx.getBroadcastState(LIMITS).put(kv[0], Integer.parseInt(kv[1]));
            out.collect("rule " + rule + " wm=" + ctx.currentWatermark());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " sum="
                    + getRuntimeContext().getState(SUM).value() + " limit="
                    + ctx.getBroadcastState(LIMITS).get(ctx.getCurrentKey()) + " " + ctx.timeDomain() + "@"
                    + ctx.timestamp());
        }
    }

    private static List<String> records(AbstractStreamOperatorTestHarness<String> h) {
        List<String> out = new ArrayList<>();
        for (StreamRecord<String> r : h.extractOutputStreamRecords()) {
            out.add(r.getValue() + (r.hasTimestamp() ? "@" + r.getTimestamp() : ""));
        }
        return out;
    }

    private static List<String> alerts(AbstractStreamOperatorTestHarness<String> h) {
        List<String> out = new ArrayList<>();
        h.getSideOutput(ALERTS).forEach(r -> out.add(r.getValue() + "/" + r.getTimestamp()));
        return out;
    }

    private static Map<String, Integer> contents(BroadcastState<String, Integer> state) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        state.immutableEntries().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Test
    void keyedBroadcastFunction_readsRulesOnTheKeyedSide_withTimersAndSideOutputs() throws Exception {
        KeyedBroadcastOperatorTestHarness<String, String, String, String> h =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new SumWithLimits(), v -> v.substring(0, v.indexOf(':')), Types.STRING, LIMITS);
        h.processElement("a:5", 1);
        h.processBroadcastElement("a=3", 2);
        h.processElement("a:4", 3);
        h.processElement("b:9", 4);
        h.processBothWatermarks(new Watermark(13));
        h.processBothWatermarks(new Watermark(20));

        assertThat(records(h))
                .containsExactly(
                        "rule a=3 wm=-9223372036854775808@2",
                        "a sum=9 limit=3 EVENT_TIME@11@11",
                        "a sum=9 limit=3 EVENT_TIME@13@13",
                        "b sum=9 limit=null EVENT_TIME@14@14");
        assertThat(alerts(h)).containsExactly("a 4>3@3/3");
    }

    @Test
    void broadcastState_isSnapshottedAndEveryNewSubtaskGetsOneCopy() throws Exception {
        KeyedBroadcastOperatorTestHarness<String, String, String, String> h =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new SumWithLimits(), v -> v.substring(0, v.indexOf(':')), Types.STRING, LIMITS);
        h.processBroadcastElement("a=3", 1);
        h.processBroadcastElement("b=7", 2);
        OperatorSubtaskState snapshot = h.snapshot(5, 100);
        h.processBroadcastElement("c=1", 3); // after the checkpoint: not in it
        assertThat(contents(h.getBroadcastState(LIMITS))).isEqualTo(Map.of("a", 3, "b", 7, "c", 1));

        for (int subtask = 0; subtask < 3; subtask++) {
            KeyedBroadcastOperatorTestHarness<String, String, String, String> restored =
                    new KeyedBroadcastOperatorTestHarness<>(
                            new SumWithLimits(),
                            v -> v.substring(0, v.indexOf(':')),
                            Types.STRING,
                            3,
                            3,
                            subtask,
                            LIMITS);
            restored.initializeState(new OperatorRestore(5, List.of(snapshot)));
            restored.open();
            assertThat(contents(restored.getBroadcastState(LIMITS))).isEqualTo(Map.of("a", 3, "b", 7));
            restored.close();
        }
    }

    @Test
    void nonKeyedBroadcastFunction_restoresItsRulesAfterASnapshot() throws Exception {
        BroadcastProcessFunction<Integer, String, String> function = new BroadcastProcessFunction<>() {
            @Override
            public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
                ReadOnlyBroadcastState<String, Integer> limits = ctx.getBroadcastState(LIMITS);
                out.collect(value + (limits.contains("max") && value > limits.get("max") ? " too big" : " ok"));
            }

            @Override
            public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
                ctx.getBroadcastState(LIMITS).put("max", Integer.parseInt(rule));
            }
        };
        BroadcastOperatorTestHarness<Integer, String, String> h =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(function, LIMITS);
        h.processElement(50, 1);
        h.processBroadcastElement("10", 2);
        h.processElement(50, 3);
        OperatorSubtaskState snapshot = h.snapshot(1, 1);

        BroadcastOperatorTestHarness<Integer, String, String> restored =
                new BroadcastOperatorTestHarness<>(function, LIMITS);
        restored.initializeState(snapshot);
        restored.open();
        restored.processElement(5, 4);
        restored.processElement(11, 5);
        assertThat(records(h)).containsExactly("50 ok@1", "50 too big@3");
        assertThat(records(restored)).containsExactly("5 ok@4", "11 too big@5");
    }

    @Test
    void theNonBroadcastSide_getsAReadOnlyView_andUnknownDescriptorsAreRejected() throws Exception {
        MapStateDescriptor<String, Integer> unknown = new MapStateDescriptor<>("typo", Types.STRING, Types.INT);
        List<String> seen = new ArrayList<>();
        BroadcastOperatorTestHarness<Integer, String, String> h =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new BroadcastProcessFunction<Integer, String, String>() {
                            @Override
                            public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out) {
                                seen.add("writable view: " + (ctx.getBroadcastState(LIMITS) instanceof BroadcastState));
                                ctx.getBroadcastState(unknown);
                            }

                            @Override
                            public void processBroadcastElement(String value, Context ctx, Collector<String> out) {}
                        },
                        LIMITS);
        assertThatThrownBy(() -> h.processElement(1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The requested state does not exist. Check for typos in your state descriptor, or specify"
                        + " the state descriptor in the datastream.broadcast(...) call if you forgot to register it.");
        assertThat(seen).containsExactly("writable view: false");
    }
}
