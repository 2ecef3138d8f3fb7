package io.sluice.runtime.entrypoint;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.GlobalConfiguration;
import io.sluice.runtime.configuration.IllegalConfigurationException;
import java.util.Arrays;
import java.util.List;

/**
 * The common {@code main} of cluster processes: the configuration from {@code sluice.yaml} and
 * {@code -Dkey=value} arguments, start, a shutdown hook that closes the process, and exit codes
 * (1 for a bad configuration or a failed start, with the message on standard error).
 */
final class ProcessRunner {
    private ProcessRunner() {}

    interface Starter<P extends AutoCloseable> {
        P start(Configuration config) throws Exception;
    }

    interface Waiter {
        void await() throws Exception;
    }

    interface Running<P> {
        /** Prints the process's start line and returns how to wait for its end. */
        Waiter started(P process);
    }

    static <P extends AutoCloseable> void run(String what, String[] args, Starter<P> starter, Running<P> running) {
        List<String> arguments = Arrays.asList(args);
        for (String arg : arguments) {
            if (!arg.startsWith("-D")) {
                System.err.println("sluice " + what.toLowerCase() + ": unknown argument '" + arg
                        + "'; only -Dkey=value configuration overrides are accepted");
                System.exit(2);
            }
        }
        P process;
        try {
            Configuration config =
                    GlobalConfiguration.loadConfiguration(GlobalConfiguration.dynamicProperties(arguments));
            process = starter.start(config);
        } catch (IllegalConfigurationException e) {
            System.err.println("sluice " + what.toLowerCase() + ": invalid configuration: " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            System.err.println(
                    "sluice " + what.toLowerCase() + ": could not start the " + what + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        P started = process;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                started.close();
                            } catch (Exception e) {
                                System.err.println("sluice " + what.toLowerCase() + ": error while stopping: " + e);
                            }
                        },
                        "sluice-shutdown"));
        try {
            running.started(process).await();
        } catch (Exception e) {
            System.err.println("sluice " + what.toLowerCase() + ": " + e);
            System.exit(1);
        }
    }
}
