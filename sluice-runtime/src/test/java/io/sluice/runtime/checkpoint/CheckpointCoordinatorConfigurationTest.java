package io.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.checkpoint.CheckpointCoordinatorConfiguration.CheckpointingMode;
import io.sluice.runtime.checkpoint.CheckpointCoordinatorConfiguration.ExternalizedCheckpointRetention;
import io.sluice.runtime.configuration.CheckpointingOptions;
import io.sluice.runtime.configuration.IllegalConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckpointCoordinatorConfigurationTest {
    @Test
    void whenNoIntervalOrZero_thenCheckpointingIsOffAndThereIsNoConfiguration() {
        Configuration zero = new Configuration();
        zero.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ZERO);

        assertThat(CheckpointCoordinatorConfiguration.isCheckpointingEnabled(new Configuration()))
                .isFalse();
        assertThat(CheckpointCoordinatorConfiguration.fromConfiguration(new Configuration()))
                .isNull();
        assertThat(CheckpointCoordinatorConfiguration.fromConfiguration(zero)).isNull();
    }

    @Test
    void whenOnlyTheIntervalIsSet_thenFlinksDefaultsFillTheRest() {
        Configuration conf = new Configuration();
        conf.setString("execution.checkpointing.interval", "30 s");

        assertThat(CheckpointCoordinatorConfiguration.fromConfiguration(conf))
                .isEqualTo(new CheckpointCoordinatorConfiguration(
                        30_000,
                        600_000,
                        0,
                        1,
                        0,
                        CheckpointingMode.EXACTLY_ONCE,
                        1,
                        ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS,
                        null));
    }

    @Test
    void whenEverythingIsSet_thenEveryValueIsTaken() {
        Configuration conf = new Configuration();
        conf.setString("execution.checkpointing.interval", "2 s");
        conf.setString("execution.checkpointing.timeout", "1 min");
        conf.setString("execution.checkpointing.min-pause", "500 ms");
        conf.setString("execution.checkpointing.max-concurrent-checkpoints", "2");
        conf.setString("execution.checkpointing.tolerable-failed-checkpoints", "3");
        conf.setString("execution.checkpointing.mode", "at_least_once");
        conf.setString("execution.checkpointing.num-retained", "4");
        conf.setString("execution.checkpointing.externalized-checkpoint-retention", "DELETE_ON_CANCELLATION");
        conf.setString("execution.checkpointing.dir", "/data/chk");

        CheckpointCoordinatorConfiguration c = CheckpointCoordinatorConfiguration.fromConfiguration(conf);

        assertThat(c)
                .isEqualTo(new CheckpointCoordinatorConfiguration(
                        2_000,
                        60_000,
                        500,
                        2,
                        3,
                        CheckpointingMode.AT_LEAST_ONCE,
                        4,
                        ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION,
                        "/data/chk"));
        assertThat(c.isExternalized()).isTrue();
    }

    @Test
    void whenAValueIsBad_thenTheErrorNamesTheKey() {
        Configuration mode = new Configuration();
        mode.setString("execution.checkpointing.interval", "1 s");
        mode.setString("execution.checkpointing.mode", "sometimes");
        Configuration concurrent = new Configuration();
        concurrent.setString("execution.checkpointing.interval", "1 s");
        concurrent.setString("execution.checkpointing.max-concurrent-checkpoints", "0");

        assertThatThrownBy(() -> CheckpointCoordinatorConfiguration.fromConfiguration(mode))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("'execution.checkpointing.mode' must be EXACTLY_ONCE or AT_LEAST_ONCE, was 'SOMETIMES'");
        assertThatThrownBy(() -> CheckpointCoordinatorConfiguration.fromConfiguration(concurrent))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Invalid checkpointing configuration: At least one concurrent checkpoint must be"
                        + " allowed, was 0");
    }
}
