package io.sluice.runtime.jobgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.JobID;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.CheckpointingOptions;
import io.sluice.api.execution.Pipeline;
import io.sluice.runtime.client.StreamGraphTranslator;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import io.sluice.runtime.configuration.StateRecoveryOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What of a program's configuration its JobGraph carries: the configuration, checkpointing, the restore. */
class SavepointRestoreSettingsTest {
    private static JobGraph jobGraph(Configuration conf) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(1);
        env.fromSequence(1, 3).sinkTo(new DiscardingSink<>());
        return StreamGraphTranslator.toJobGraph(new Pipeline(
                "job",
                env.getSinks(),
                env.getConfig(),
                env.getConfiguration(),
                env.getBufferTimeout(),
                env.isChainingEnabled()));
    }

    @Test
    void whenConfigurationNamesARecoveryPath_thenTheJobGraphRestoresFromIt() {
        Configuration conf = new Configuration();
        conf.set(StateRecoveryOptions.SAVEPOINT_PATH, " /chk/chk-3 ");
        conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);

        JobGraph job = jobGraph(conf);

        assertThat(job.getSavepointRestoreSettings()).isEqualTo(new SavepointRestoreSettings("/chk/chk-3", true));
        assertThat(job.getSavepointRestoreSettings().restoreSavepoint()).isTrue();
    }

    @Test
    void whenConfigurationNamesNothing_thenTheJobStartsEmpty() {
        JobGraph job = jobGraph(new Configuration());

        assertThat(job.getSavepointRestoreSettings()).isEqualTo(SavepointRestoreSettings.none());
        assertThat(job.getSavepointRestoreSettings().restoreSavepoint()).isFalse();
    }

    @Test
    void whenConfigurationSetsAnIntervalAndARestartStrategy_thenTheJobGraphCarriesBoth() {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(3));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");

        JobGraph job = jobGraph(conf);

        assertThat(job.getJobConfiguration().get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(job.getJobConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY))
                .isEqualTo("fixed-delay");
    }

    @Test
    void whenSettingsAreWrittenToAConfiguration_thenTheyReadBackEqual() {
        Configuration conf = new Configuration();
        SavepointRestoreSettings.forPath("/sp/savepoint-1", false).toConfiguration(conf);
        Configuration untouched = new Configuration();
        SavepointRestoreSettings.none().toConfiguration(untouched);

        assertThat(SavepointRestoreSettings.fromConfiguration(conf))
                .isEqualTo(SavepointRestoreSettings.forPath("/sp/savepoint-1", false));
        assertThat(conf.toMap())
                .containsOnlyKeys("execution.state-recovery.path", "execution.state-recovery.ignore-unclaimed-state");
        assertThat(untouched.toMap()).isEmpty();
    }

    @Test
    void whenSettingsAreInconsistent_thenTheyAreRejected() {
        assertThatThrownBy(() -> new SavepointRestoreSettings(null, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowNonRestoredState needs a savepoint path to restore from");
        assertThatThrownBy(() -> new SavepointRestoreSettings("  ", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The savepoint path must not be blank");
        assertThatThrownBy(() -> new JobGraph(JobID.generate(), "j", null).setSavepointRestoreSettings(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Use SavepointRestoreSettings.none() instead of null");
    }
}
