package io.sluice.test.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.typeinfo.Types;
import io.sluice.runtime.minicluster.MiniCluster;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @ExtendWith}: one TaskManager with one slot for the class, jobs at parallelism 1. */
@ExtendWith(MiniClusterExtension.class)
class ExtendWithMiniClusterTest {

    @Test
    void whenDeclaredWithExtendWith_thenJobsRunOnTheClassClusterAtParallelismOne(MiniCluster cluster) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(((TestStreamEnvironment) env).getMiniCluster()).isSameAs(cluster);
        assertThat(env.getParallelism()).isEqualTo(1);

        List<Long> out = MiniClusterExtensionTest.collectSorted(env.fromSequence(1, 5)
                .filter(x -> x % 2 == 1)
                .map(x -> x * 10, Types.LONG)
                .executeAndCollect("odd tens"));

        assertThat(out).containsExactly(10L, 30L, 50L);
        // Closing the iterator at the end may cancel the job before it reports FINISHED: check the name only.
        assertThat(MiniClusterExtensionTest.jobsOn(cluster))
                .singleElement()
                .asString()
                .startsWith("odd tens ");
    }
}
