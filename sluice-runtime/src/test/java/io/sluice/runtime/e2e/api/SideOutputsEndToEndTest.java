package io.sluice.runtime.e2e.api;

import static io.sluice.runtime.e2e.api.E2e.env;
import static io.sluice.runtime.e2e.api.E2e.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.datastream.SingleOutputStreamOperator;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A ProcessFunction splitting its input into a main output and two side outputs, end to end. */
class SideOutputsEndToEndTest {
    static final OutputTag<String> FIZZ = new OutputTag<>("fizz", Types.STRING);
    static final OutputTag<Long> BUZZ = new OutputTag<>("buzz", Types.LONG);
    static final OutputTag<Long> IGNORED = new OutputTag<>("ignored", Types.LONG);

    /** Multiples of 3 to "fizz" (as strings), of 5 to "buzz", odd numbers to "ignored", the rest to main. */
    static final class Split extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 3 == 0) {
                ctx.output(FIZZ, "fizz" + value);
            }
            if (value % 5 == 0) {
                ctx.output(BUZZ, value);
            }
            if (value % 2 == 1) {
                ctx.output(IGNORED, value);
            }
            out.collect(value * 10);
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void twoSideOutputsAndMain_eachReachItsOwnConsumerAndAnUnconsumedSideOutputIsDropped(
            int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        SingleOutputStreamOperator<Long> split = env.fromSequence(1, 600).process(new Split());

        SubtaskSink<Long> main = new SubtaskSink<>();
        SubtaskSink<String> fizz = new SubtaskSink<>();
        SubtaskSink<Long> buzz = new SubtaskSink<>();
        split.map(x -> x + 1).sinkTo(main);
        // Same parallelism, forward: chained when chaining is on.
        split.getSideOutput(FIZZ).map(s -> s.toUpperCase()).sinkTo(fizz);
        // Across the network: rebalanced to parallelism 3.
        split.getSideOutput(BUZZ)
                .rebalance()
                .map(x -> -x)
                .setParallelism(3)
                .sinkTo(buzz)
                .setParallelism(3);
        String plan = env.getExecutionPlan();
        assertThat(plan)
                .contains("\"side_output\":\"fizz\",\"chained\":" + chaining)
                .contains("\"side_output\":\"buzz\",\"chained\":false")
                .doesNotContain("\"side_output\":\"ignored\"");
        env.execute("side outputs");

        List<Long> expectedMain = new ArrayList<>();
        List<String> expectedFizz = new ArrayList<>();
        List<Long> expectedBuzz = new ArrayList<>();
        for (long v = 1; v <= 600; v++) {
            expectedMain.add(v * 10 + 1);
            if (v % 3 == 0) {
                expectedFizz.add("FIZZ" + v);
            }
            if (v % 5 == 0) {
                expectedBuzz.add(-v);
            }
        }
        assertThat(sorted(main.all())).isEqualTo(sorted(expectedMain));
        assertThat(sorted(fizz.all())).isEqualTo(sorted(expectedFizz));
        assertThat(sorted(buzz.all())).isEqualTo(sorted(expectedBuzz));
        assertThat(buzz.startedSubtasks()).isEqualTo(3);
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void oneSideOutputConsumedTwiceAndMainOutputUnused_bothConsumersGetEverySideElement(
            int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        SingleOutputStreamOperator<Long> split = env.fromSequence(1, 100).process(new Split());
        SubtaskSink<String> first = new SubtaskSink<>();
        SubtaskSink<String> second = new SubtaskSink<>();
        split.getSideOutput(FIZZ).sinkTo(first);
        split.getSideOutput(FIZZ).keyBy(s -> s.length()).map(s -> s + "!").sinkTo(second);
        env.execute("side output twice");

        List<String> expected = new ArrayList<>();
        for (long v = 3; v <= 100; v += 3) {
            expected.add("fizz" + v);
        }
        assertThat(sorted(first.all())).isEqualTo(sorted(expected));
        assertThat(sorted(second.all()))
                .isEqualTo(sorted(expected.stream().map(s -> s + "!").toList()));
    }
}
