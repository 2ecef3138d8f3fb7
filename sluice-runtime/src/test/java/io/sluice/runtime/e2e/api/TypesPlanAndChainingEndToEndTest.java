package io.sluice.runtime.e2e.api;

import static io.sluice.runtime.e2e.api.E2e.drain;
import static io.sluice.runtime.e2e.api.E2e.env;
import static io.sluice.runtime.e2e.api.E2e.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.datastream.DataStream;
import io.sluice.api.datastream.SingleOutputStreamOperator;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.InvalidTypesException;
import io.sluice.api.typeinfo.TypeHint;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.runtime.client.StreamGraphTranslator;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Type errors surfaced at submission, the JSON plan, and how operators are chained into job
 * vertices.
 */
class TypesPlanAndChainingEndToEndTest {

    // ------------------------------------------------------------------ types

    @Test
    void lambdaReturningTuple2WithoutReturns_acrossKeyBy_failsAtExecuteNamingTheOperatorAndReturns() {
        StreamExecutionEnvironment env = env(2, true);
        DataStream<Tuple2<String, Long>> pairs = env.fromSequence(1, 10).map(i -> Tuple2.of("k" + (i % 2), i));
        pairs.keyBy(t -> t.f0).sum(1).sinkTo(new SubtaskSink<>());

        assertThatThrownBy(env::execute)
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageStartingWith("The return type of operator 'Map")
                .hasMessageContaining("Add .returns(...) after the operator");
    }

    @Test
    void lambdaReturningTuple2WithReturns_acrossKeyBy_sumsPerKey() throws Exception {
        StreamExecutionEnvironment env = env(2, false);
        List<Tuple2<String, Long>> out = drain(env.fromSequence(1, 10)
                .map(i -> Tuple2.of("k" + (i % 2), i))
                .returns(new TypeHint<Tuple2<String, Long>>() {})
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect());
        // Two source subtasks interleave in any order, so only the count and each key's final sum are fixed.
        assertThat(out).hasSize(10);
        Map<String, Long> finalSums = new TreeMap<>();
        out.forEach(t -> finalSums.merge(t.f0, t.f1, Math::max));
        assertThat(finalSums).containsExactly(Map.entry("k0", 30L), Map.entry("k1", 25L));
    }

    /** Not a POJO (no public no-argument constructor, private final field, no setter): generic. */
    public static final class Opaque {
        private final long value;

        Opaque(long value) {
            this.value = value;
        }

        long value() {
            return value;
        }
    }

    @Test
    void disabledGenericTypes_nonPojoCrossingTheNetwork_failsNamingTheType() {
        StreamExecutionEnvironment env = env(2, true);
        env.getConfig().disableGenericTypes();
        env.fromSequence(1, 10)
                .map(Opaque::new)
                .returns(Opaque.class)
                .rebalance()
                .map(Opaque::value)
                .returns(Types.LONG)
                .sinkTo(new SubtaskSink<>());

        assertThatThrownBy(env::execute)
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageStartingWith("Type " + Opaque.class.getName() + " would be serialized with the generic")
                .hasMessageContaining("disableGenericTypes()");
    }

    @Test
    void enabledGenericTypes_nonPojoCrossingTheNetwork_arrivesIntact() throws Exception {
        StreamExecutionEnvironment env = env(2, true);
        List<Long> out = drain(env.fromSequence(1, 100)
                .map(Opaque::new)
                .returns(Opaque.class)
                .rebalance()
                .map(Opaque::value)
                .returns(Types.LONG)
                .executeAndCollect());
        assertThat(sorted(out))
                .isEqualTo(
                        java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
    }

    // ------------------------------------------------------------------ plan

    /** Emits each value once. */
    static final class Pass extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
        }
    }

    @Test
    void executionPlan_containsEveryOperatorAndShipStrategy() {
        StreamExecutionEnvironment env = env(4, true);
        env.fromSequence(1, 10)
                .map(x -> x + 1)
                .keyBy(x -> x % 3)
                .process(new Pass())
                .rebalance()
                .filter(x -> x > 0)
                .setParallelism(2)
                .broadcast()
                .map(x -> x)
                .name("After broadcast")
                .print();
        String plan = env.getExecutionPlan();

        assertThat(plan)
                .startsWith("{\"nodes\":[")
                .contains("\"type\":\"Source: Sequence Source\"")
                .contains("\"contents\":\"Map\"")
                .contains("\"contents\":\"KeyedProcess\"")
                .contains("\"contents\":\"Filter\"")
                .contains("\"contents\":\"After broadcast\"")
                .contains("\"type\":\"Sink: Print to Std. Out\"")
                .contains("\"ship_strategy\":\"FORWARD\"")
                .contains("\"ship_strategy\":\"HASH\"")
                .contains("\"ship_strategy\":\"REBALANCE\"")
                .contains("\"ship_strategy\":\"BROADCAST\"")
                .contains("\"parallelism\":2");
        assertThat(plan.split("\"pact\":", -1)).as("six nodes").hasSize(6 + 1);
        assertThat(plan).contains("\"ship_strategy\":\"HASH\",\"side\":\"first\",\"chained\":false");
        // The plan is computed without running or consuming the program.
        assertThat(env.getSinks()).hasSize(1);
    }

    // ------------------------------------------------------------------ chaining

    static List<String> vertexNames(StreamExecutionEnvironment env) {
        Pipeline pipeline = new Pipeline(
                "chaining",
                env.getSinks(),
                env.getConfig(),
                env.getConfiguration(),
                env.getBufferTimeout(),
                env.isChainingEnabled());
        JobGraph graph = StreamGraphTranslator.toJobGraph(pipeline);
        List<String> names = new ArrayList<>();
        for (JobVertex v : graph.getVertices()) {
            names.add(v.getName());
        }
        return sorted(names);
    }

    /** source → map → filter → sink at parallelism 4, with a hook on the map. */
    static List<String> pipelineVertices(
            boolean chaining, Function<SingleOutputStreamOperator<Long>, SingleOutputStreamOperator<Long>> onMap) {
        StreamExecutionEnvironment env = env(4, chaining);
        onMap.apply(env.fromSequence(1, 10).map(x -> x + 1)).filter(x -> x > 0).sinkTo(new SubtaskSink<>());
        return vertexNames(env);
    }

    @Test
    void chainingOn_forwardEdgesOfEqualParallelism_makeOneVertex() {
        assertThat(pipelineVertices(true, m -> m))
                .containsExactly("Source: Sequence Source -> Map -> Filter -> Sink: SubtaskSink");
    }

    @Test
    void chainingOff_everyOperatorIsItsOwnVertex() {
        assertThat(pipelineVertices(false, m -> m))
                .containsExactly("Filter", "Map", "Sink: SubtaskSink", "Source: Sequence Source");
    }

    @Test
    void disableChaining_isolatesTheOperator() {
        assertThat(pipelineVertices(true, SingleOutputStreamOperator::disableChaining))
                .containsExactly("Filter -> Sink: SubtaskSink", "Map", "Source: Sequence Source");
    }

    @Test
    void startNewChain_breaksTheChainBeforeTheOperator() {
        assertThat(pipelineVertices(true, SingleOutputStreamOperator::startNewChain))
                .containsExactly("Map -> Filter -> Sink: SubtaskSink", "Source: Sequence Source");
    }

    @Test
    void slotSharingGroup_breaksTheChainAndIsInheritedDownstream() {
        assertThat(pipelineVertices(true, m -> m.slotSharingGroup("other")))
                .containsExactly("Map -> Filter -> Sink: SubtaskSink", "Source: Sequence Source");
    }

    @Test
    void differentParallelism_breaksTheChainOnBothSides() {
        assertThat(pipelineVertices(true, m -> m.setParallelism(2)))
                .containsExactly("Filter -> Sink: SubtaskSink", "Map", "Source: Sequence Source");
    }

    @Test
    void keyBy_breaksTheChain() {
        StreamExecutionEnvironment env = env(4, true);
        env.fromSequence(1, 10)
                .map(x -> x + 1)
                .keyBy(x -> x % 2)
                .process(new Pass())
                .sinkTo(new SubtaskSink<>());
        assertThat(vertexNames(env))
                .containsExactly("KeyedProcess -> Sink: SubtaskSink", "Source: Sequence Source -> Map");
    }
}
