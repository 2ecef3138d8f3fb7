package io.sluice.runtime.e2e.api;

import static io.sluice.runtime.e2e.api.E2e.drain;
import static io.sluice.runtime.e2e.api.E2e.env;
import static io.sluice.runtime.e2e.api.E2e.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.tuple.Tuple3;
import io.sluice.api.util.CloseableIterator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** executeAndCollect (with and without a limit), print(), fromData/fromCollection and the JSON plan. */
class CollectPrintAndSourcesEndToEndTest {

    @Test
    void executeAndCollect_returnsAParallelismOnePipelineInInputOrder() throws Exception {
        StreamExecutionEnvironment env = env(4, true);
        List<Integer> input = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            input.add((i * 31) % 500);
        }
        List<Integer> out =
                drain(env.fromData(input).map(x -> x * 2).setParallelism(1).executeAndCollect());
        assertThat(out).isEqualTo(input.stream().map(x -> x * 2).toList());
    }

    @Test
    void drainingABoundedJobThenClosing_neverCancelsOrFails_evenAsTheClusterShutsDown() throws Exception {
        // closing right after the last element used to race with the embedded cluster's shutdown
        for (int run = 0; run < 25; run++) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            List<Long> out = new ArrayList<>();
            try (CloseableIterator<Long> it = env.fromSequence(1, 20).executeAndCollect()) {
                it.forEachRemaining(out::add);
            }
            assertThat(out).hasSize(20).first().isEqualTo(1L);
        }
    }

    @Test
    void executeAndCollectWithLimit_onBoundedSource_returnsTheFirstElements() throws Exception {
        StreamExecutionEnvironment env = env(2, true);
        List<Long> first = env.fromData(List.of(5L, 4L, 3L, 2L, 1L, 0L)).executeAndCollect(4);
        assertThat(first).containsExactly(5L, 4L, 3L, 2L);

        List<Long> all = env(2, true).fromSequence(1, 30).executeAndCollect(1000);
        assertThat(sorted(all))
                .isEqualTo(
                        java.util.stream.LongStream.rangeClosed(1, 30).boxed().toList());
    }

    /** Names of running jobs whose map was closed (the task ended: finished or cancelled). */
    static final Set<String> CLOSED = ConcurrentHashMap.newKeySet();

    /** Identity that records its close(). */
    static final class NoticeClose extends RichMapFunction<Long, Long> {
        private final String run;

        NoticeClose(String run) {
            this.run = run;
        }

        @Override
        public Long map(Long value) {
            return value;
        }

        @Override
        public void close() {
            CLOSED.add(run);
        }
    }

    @Test
    void executeAndCollectWithLimit_onUnboundedSource_returnsPromptlyAndCancelsTheJob() {
        String run = UUID.randomUUID().toString();
        StreamExecutionEnvironment env = env(1, true);
        List<Long> first = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> env.fromSequence(0, Long.MAX_VALUE)
                .map(new NoticeClose(run))
                .executeAndCollect(5));
        assertThat(first).containsExactly(0L, 1L, 2L, 3L, 4L);
        await().atMost(Duration.ofSeconds(10)).until(() -> CLOSED.contains(run));
    }

    @Test
    void executeAndCollectIterator_closedEarlyOnUnboundedSource_cancelsTheJob() throws Exception {
        String run = UUID.randomUUID().toString();
        StreamExecutionEnvironment env = env(2, false);
        List<Long> seen = new ArrayList<>();
        try (CloseableIterator<Long> it =
                env.fromSequence(0, Long.MAX_VALUE).map(new NoticeClose(run)).executeAndCollect()) {
            while (seen.size() < 100 && it.hasNext()) {
                seen.add(it.next());
            }
        }
        assertThat(seen).hasSize(100).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(10)).until(() -> CLOSED.contains(run));
    }

    /** "#val{x}@{subtask}" so the printed line can be checked against its prefix. */
    static final class WithSubtask extends RichMapFunction<Long, String> {
        @Override
        public String map(Long value) {
            return "#val" + value + "@" + getRuntimeContext().getIndexOfThisSubtask();
        }
    }

    @ParameterizedTest(name = "sink identifier \"{0}\"")
    @ValueSource(strings = {"", "ids"})
    void printAtParallelismTwo_prefixesEachLineWithOneBasedSubtaskIndex(String identifier) throws Exception {
        StreamExecutionEnvironment env = env(2, true);
        var stream = env.fromSequence(1, 40).map(new WithSubtask());
        if (identifier.isEmpty()) {
            stream.print();
        } else {
            stream.print(identifier);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            env.execute("print");
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("#val"))
                .toList();
        assertThat(lines).hasSize(40);
        for (String line : lines) {
            int subtask = Integer.parseInt(line.substring(line.lastIndexOf('@') + 1));
            String prefix = identifier.isEmpty() ? (subtask + 1) + "> " : identifier + ":" + (subtask + 1) + "> ";
            assertThat(line).startsWith(prefix).matches(".*> #val[0-9]+@[01]");
        }
        assertThat(sorted(lines.stream()
                        .map(l -> Long.parseLong(l.substring(l.indexOf("#val") + 4, l.lastIndexOf('@'))))
                        .toList()))
                .isEqualTo(
                        java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void printAtParallelismOne_hasNoPrefix() throws Exception {
        StreamExecutionEnvironment env = env(1, true);
        env.fromData("#p1", "#p2", "#p3").print();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            env.execute("print p1");
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("#p")))
                .containsExactly("#p1", "#p2", "#p3");
    }

    /** A POJO with public fields. */
    public static class Person {
        public String name;
        public int age;

        public Person() {}

        public Person(String name, int age) {
            this.name = name;
            this.age = age;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Person p && Objects.equals(p.name, name) && p.age == age;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age);
        }

        @Override
        public String toString() {
            return name + "(" + age + ")";
        }
    }

    /** A record with a nested collection. */
    public record Basket(String owner, List<String> items, Map<String, Integer> counts) {}

    @ParameterizedTest(name = "chaining {0}")
    @ValueSource(booleans = {true, false})
    void fromDataAndFromCollection_ofStringsTuplesRecordsAndPojos_arriveIntactAndInOrder(boolean chaining)
            throws Exception {
        List<String> strings = List.of("alpha", "", "gamma with spaces", "ünïcødé", "alpha");
        assertThat(drain(env(3, chaining)
                        .fromData("alpha", "", "gamma with spaces", "ünïcødé", "alpha")
                        .rebalance()
                        .map(s -> s)
                        .setParallelism(1)
                        .executeAndCollect()))
                .isEqualTo(strings);

        List<Tuple3<String, Integer, Double>> tuples =
                List.of(Tuple3.of("a", 1, 0.5), Tuple3.of("b", -2, 1e300), Tuple3.of("a", 1, 0.5));
        assertThat(drain(env(3, chaining)
                        .fromCollection(tuples)
                        .rebalance()
                        .filter(t -> true)
                        .setParallelism(1)
                        .executeAndCollect()))
                .isEqualTo(tuples);

        List<Basket> baskets = List.of(
                new Basket("ann", List.of("x", "y"), Map.of("x", 1)),
                new Basket("bob", List.of(), Map.of()),
                new Basket("cy", List.of("z"), Map.of("z", 3, "w", 4)));
        assertThat(drain(env(3, chaining)
                        .fromCollection(baskets)
                        .rebalance()
                        .filter(b -> true)
                        .setParallelism(1)
                        .executeAndCollect()))
                .isEqualTo(baskets);

        List<Person> people = List.of(new Person("ann", 31), new Person("bob", 0), new Person(null, 7));
        assertThat(drain(env(3, chaining)
                        .fromData(people)
                        .rebalance()
                        .filter(p -> true)
                        .setParallelism(1)
                        .executeAndCollect()))
                .isEqualTo(people);

        List<Tuple2<String, Person>> nested = List.of(Tuple2.of("k", new Person("ann", 1)));
        assertThat(drain(env(3, chaining)
                        .fromCollection(nested)
                        .rebalance()
                        .filter(p -> true)
                        .setParallelism(1)
                        .executeAndCollect()))
                .isEqualTo(nested);
    }
}
