package io.sluice.runtime.e2e.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.dag.OneInputTransformation;
import io.sluice.api.dag.OperatorSpec.WindowContents;
import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.datastream.KeyedStream;
import io.sluice.api.datastream.SingleOutputStreamOperator;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.RichReduceFunction;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.GlobalWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.api.windowing.triggers.EventTimeTrigger;
import io.sluice.api.windowing.triggers.PurgingTrigger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What WindowedStream and AllWindowedStream record, and what they reject, without running a job. */
class WindowedStreamApiTest {

    private static KeyedStream<Tuple2<String, Integer>, String> keyed() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        return env.fromData(Types.TUPLE(Types.STRING, Types.INT), Tuple2.of("a", 1))
                .keyBy(t -> t.f0, Types.STRING);
    }

    private static WindowSpec specOf(SingleOutputStreamOperator<?> stream) {
        return (WindowSpec) ((OneInputTransformation<?, ?>) stream.getTransformation()).getOperator();
    }

    @Test
    void window_recordsAssignerTriggerLatenessTagAndContents() {
        var tag = WindowsEndToEndTest.LATE;
        SingleOutputStreamOperator<String> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(7))
                .sideOutputLateData(tag)
                .process(new WindowsEndToEndTest.Describe());
        WindowSpec spec = specOf(result);
        assertThat(spec.trigger()).isInstanceOf(EventTimeTrigger.class);
        assertThat(spec.allowedLateness()).isEqualTo(7);
        assertThat(spec.lateDataOutputTag()).isEqualTo(tag);
        assertThat(spec.contents()).isEqualTo(WindowContents.ITERABLE);
        assertThat(spec.evictor()).isNull();
        assertThat(result.getType()).isEqualTo(Types.STRING);
        assertThat(result.getTransformation().getName()).startsWith("Window(TumblingEventTimeWindows(10)");
    }

    @Test
    void aggregate_extractsTheResultType_andKeepsAnAccumulator() {
        SingleOutputStreamOperator<String> result = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .aggregate(new WindowsEndToEndTest.CountAndSum());
        assertThat(result.getType()).isEqualTo(Types.STRING);
        assertThat(specOf(result).contents()).isEqualTo(WindowContents.AGGREGATE);
        assertThat(specOf(result).windowFunction()).isNull();
    }

    @Test
    void countWindow_isGlobalWindowsWithAPurgingCountTrigger_andWithSlideACountEvictor() {
        WindowSpec tumbling = specOf(keyed().countWindow(3).reduce((a, b) -> a));
        assertThat(tumbling.assigner()).isInstanceOf(GlobalWindows.class);
        assertThat(tumbling.trigger()).isInstanceOf(PurgingTrigger.class);
        WindowSpec sliding = specOf(keyed().countWindow(3, 2).reduce((a, b) -> a));
        assertThat(sliding.trigger()).isInstanceOf(CountTrigger.class);
        assertThat(sliding.evictor()).isInstanceOf(CountEvictor.class);
    }

    @Test
    void windowAll_isForcedToParallelismOne() {
        SingleOutputStreamOperator<Tuple2<String, Integer>> all = keyed().windowAll(
                        TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .reduce((a, b) -> a);
        assertThat(all.getParallelism()).isEqualTo(1);
        assertThat(all.getTransformation().getMaxParallelism()).isEqualTo(1);
    }

    @Test
    void aMergingAssignerRejectsATriggerThatCannotMerge() {
        var windowed = keyed().window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)));
        assertThatThrownBy(() -> windowed.trigger(new WindowOperatorTriggers.NonMerging()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("does not support merging");
    }

    @Test
    void negativeAllowedLatenessIsRejected() {
        var windowed = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
        assertThatThrownBy(() -> windowed.allowedLateness(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
    }

    @Test
    void aRichReduceFunctionIsRejected() {
        var windowed = keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
        RichReduceFunction<Tuple2<String, Integer>> rich = new RichReduceFunction<>() {
            @Override
            public Tuple2<String, Integer> reduce(Tuple2<String, Integer> a, Tuple2<String, Integer> b) {
                return a;
            }
        };
        assertThatThrownBy(() -> windowed.reduce(rich))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot be a RichFunction");
    }
}
