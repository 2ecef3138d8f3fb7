package io.sluice.client.cli.programs;

import io.sluice.api.environment.StreamExecutionEnvironment;

/** Prints the restore keys of its context environment's configuration, for the CLI tests of -s and -n. */
public final class RestoreSettingsProgram {
    private RestoreSettingsProgram() {}

    public static void main(String[] args) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        System.out.println("path=" + env.getConfiguration().getString("execution.state-recovery.path", null)
                + " ignoreUnclaimed="
                + env.getConfiguration().getString("execution.state-recovery.ignore-unclaimed-state", null));
    }
}
