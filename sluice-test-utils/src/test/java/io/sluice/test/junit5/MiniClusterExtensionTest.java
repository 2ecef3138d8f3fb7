package io.sluice.test.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.CloseableIterator;
import io.sluice.runtime.dispatcher.JobStatusMessage;
import io.sluice.runtime.minicluster.MiniCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two jobs in one class run on the one cluster the extension started for the class. */
@TestMethodOrder(OrderAnnotation.class)
class MiniClusterExtensionTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2);

    /** The cluster the first test saw; JUnit runs the tests one after the other. */
    private static MiniCluster firstCluster;

    @Test
    @Order(1)
    void whenFirstJobRuns_thenGetExecutionEnvironmentSubmitsToTheSharedCluster(MiniCluster cluster) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(env).isInstanceOf(TestStreamEnvironment.class);
        assertThat(((TestStreamEnvironment) env).getMiniCluster())
                .isSameAs(cluster)
                .isSameAs(CLUSTER.getMiniCluster());
        assertThat(env.getParallelism()).isEqualTo(2);
        firstCluster = cluster;

        env.fromSequence(1, 6)
                .setParallelism(1) // one source subtask: each key's elements arrive in order
                .map(x -> x * x, Types.LONG)
                .keyBy(x -> x % 2)
                .reduce(Long::sum)
                .map(new CollectInAccumulator<>(), Types.LONG)
                .sinkTo(new DiscardingSink<>());
        List<Long> squares = sorted(env.execute("squares").getAccumulatorResult(CollectInAccumulator.NAME));

        // Rolling sums per parity: odd 1, 1+9, 1+9+25; even 4, 4+16, 4+16+36.
        assertThat(squares).containsExactly(1L, 4L, 10L, 20L, 35L, 56L);
        assertThat(jobsOn(cluster)).containsExactly("squares FINISHED");
    }

    @Test
    @Order(2)
    void whenSecondJobRuns_thenItUsesTheSameClusterInsteadOfStartingANewOne() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        MiniCluster cluster = ((TestStreamEnvironment) env).getMiniCluster();
        assertThat(cluster).isSameAs(firstCluster);

        env.fromData("b", "a", "c", "a")
                .map(String::toUpperCase, Types.STRING)
                .map(new CollectInAccumulator<>(), Types.STRING)
                .sinkTo(new DiscardingSink<>());
        List<String> words = sorted(env.execute("words").getAccumulatorResult(CollectInAccumulator.NAME));

        assertThat(words).containsExactly("A", "A", "B", "C");
        // The cluster holds both jobs: the first one's result is still there, so no new cluster ran this one.
        assertThat(jobsOn(cluster)).containsExactlyInAnyOrder("squares FINISHED", "words FINISHED");
        assertThat(cluster.getClusterOverview().get().numSlotsTotal()).isEqualTo(2);
    }

    static <T extends Comparable<T>> List<T> collectSorted(CloseableIterator<T> iterator) throws Exception {
        List<T> out = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(out::add);
        }
        out.sort(null);
        return out;
    }

    static <T extends Comparable<T>> List<T> sorted(List<T> values) {
        List<T> out = new ArrayList<>(values);
        out.sort(null);
        return out;
    }

    static List<String> jobsOn(MiniCluster cluster) throws Exception {
        List<String> jobs = new ArrayList<>();
        for (JobStatusMessage m : cluster.getDispatcherGateway().listJobs().get()) {
            jobs.add(m.jobName() + " " + m.status());
        }
        return jobs;
    }
}
