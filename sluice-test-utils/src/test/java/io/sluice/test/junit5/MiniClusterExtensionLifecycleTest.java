package io.sluice.test.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Test;

/** The extension's callbacks driven by hand: start, share, nest, stop and reset. */
class MiniClusterExtensionLifecycleTest {

    @Test
    void whenClassLevelCallbacksRun_thenOneClusterServesTheClassAndTheContextIsResetAfterwards() throws Exception {
        MiniClusterExtension extension = new MiniClusterExtension(1, 3);
        assertThatThrownBy(extension::getMiniCluster).isInstanceOf(IllegalStateException.class);

        extension.beforeAll(null);
        MiniCluster cluster = extension.getMiniCluster();
        extension.beforeEach(null); // a static registration also gets the per-test callbacks
        extension.beforeAll(null); // a nested class
        assertThat(extension.getMiniCluster()).isSameAs(cluster);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(env).isInstanceOf(TestStreamEnvironment.class);
        assertThat(env.getParallelism()).isEqualTo(3);
        assertThat(cluster.getClusterOverview().get().numSlotsTotal()).isEqualTo(3);
        extension.afterAll(null); // the nested class ends: the outer class still uses the cluster
        extension.afterEach(null);
        assertThat(extension.getMiniCluster()).isSameAs(cluster);

        extension.afterAll(null);
        assertThatThrownBy(extension::getMiniCluster).isInstanceOf(IllegalStateException.class);
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment()).isNotInstanceOf(TestStreamEnvironment.class);
        assertThatThrownBy(cluster::getClusterOverview).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenRegisteredPerTest_thenEachTestGetsItsOwnCluster() throws Exception {
        MiniClusterExtension extension = new MiniClusterExtension();
        extension.beforeEach(null);
        MiniCluster first = extension.getMiniCluster();
        assertThat(extension.createEnvironment().getMiniCluster()).isSameAs(first);
        extension.afterEach(null);
        extension.beforeEach(null);
        MiniCluster second = extension.getMiniCluster();
        extension.afterEach(null);

        assertThat(second).isNotSameAs(first);
        assertThatThrownBy(extension::getMiniCluster).isInstanceOf(IllegalStateException.class);
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment()).isNotInstanceOf(TestStreamEnvironment.class);
    }
}
