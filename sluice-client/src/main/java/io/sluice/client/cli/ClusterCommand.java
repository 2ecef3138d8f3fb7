package io.sluice.client.cli;

import io.sluice.api.common.JobID;
import io.sluice.client.rest.ClusterUnreachableException;
import io.sluice.client.rest.RestClientException;
import io.sluice.client.rest.RestClusterClient;
import io.sluice.runtime.configuration.GlobalConfiguration;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Option;

/**
 * Base of the commands that talk to a running cluster ({@code list}, {@code status}, {@code
 * cancel}): the {@code -m} option, the client, and one way of reporting what went wrong (one line
 * on standard error, exit code {@link SluiceCli#EXIT_PROGRAM_FAILED} for an answer or silence of
 * the cluster, {@link SluiceCli#EXIT_USAGE} for a wrong command line or configuration).
 */
abstract class ClusterCommand implements Callable<Integer> {
    final SluiceCli cli;

    @Option(
            names = {"-m", "--jobmanager"},
            paramLabel = "host:port",
            description = "REST address of the cluster (default: rest.address:rest.port of the configuration,"
                    + " 127.0.0.1:8081 without one).")
    String jobManager;

    ClusterCommand(SluiceCli cli) {
        this.cli = cli;
    }

    /** The command's name for messages, e.g. {@code sluice list}. */
    abstract String name();

    /** Does the work; exceptions of the cluster or client are reported by {@link #call}. */
    abstract int run(RestClusterClient client) throws Exception;

    @Override
    public final Integer call() {
        try {
            URI url = ClusterAddress.resolve(
                    name(), jobManager, cli.env, System.getProperty(GlobalConfiguration.PROPERTY_HOME));
            try (RestClusterClient client = new RestClusterClient(url)) {
                return run(client);
            }
        } catch (CliException e) {
            cli.err.println(e.getMessage());
            return SluiceCli.EXIT_USAGE;
        } catch (ClusterUnreachableException | RestClientException e) {
            cli.err.println(e.getMessage());
            return SluiceCli.EXIT_PROGRAM_FAILED;
        } catch (JobIdException e) {
            cli.err.println(e.getMessage());
            return SluiceCli.EXIT_PROGRAM_FAILED;
        } catch (Exception e) {
            cli.err.println(name() + ": " + e);
            e.printStackTrace(cli.err);
            return SluiceCli.EXIT_PROGRAM_FAILED;
        }
    }

    /** The future's value; its failure rethrown as what it is (not wrapped). */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** {@code raw} as a job id; a message naming it when it is not 32 hex digits. */
    JobID jobId(String raw) {
        try {
            return JobID.fromHexString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new JobIdException(name() + ": '" + raw + "' is not a job id: expected 32 hex digits, as"
                    + " 'sluice list' shows them");
        }
    }

    /** A malformed job id on the command line. */
    static final class JobIdException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobIdException(String message) {
            super(message);
        }
    }
}
