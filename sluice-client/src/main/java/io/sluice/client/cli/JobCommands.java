package io.sluice.client.cli;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.client.rest.RestClusterClient;
import io.sluice.runtime.rest.messages.JobMessages.JobDetailsInfo;
import io.sluice.runtime.rest.messages.JobMessages.JobExceptionsInfo;
import io.sluice.runtime.rest.messages.JobMessages.JobOverview;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice list}, {@code sluice status <jobId>} and {@code sluice cancel <jobId>}: the job
 * commands, each one request (or a few) to the cluster's REST API. Jobs are printed as Flink's CLI
 * prints them: {@code <start date> : <job id> : <name> (<STATE>)}.
 */
final class JobCommands {
    private JobCommands() {}

    /** Flink's CLI date format, in the client's time zone. */
    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

    private static final String RULE = "--------------------------------------------------------------";

    static String line(String jobId, String name, String state, long startTime) {
        return DATE.format(Instant.ofEpochMilli(startTime)) + " : " + jobId + " : " + name + " (" + state + ")";
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            versionProvider = SluiceCli.Version.class,
            description = {
                "Lists the cluster's jobs: running (and restarting), then scheduled, then terminated ones, each by"
                        + " start time.",
                "Exit code: 0, or 1 when the cluster cannot be reached."
            })
    static final class ListCommand extends ClusterCommand {
        ListCommand(SluiceCli cli) {
            super(cli);
        }

        @Override
        String name() {
            return "sluice list";
        }

        @Override
        int run(RestClusterClient client) throws Exception {
            List<JobOverview> jobs = new ArrayList<>(await(client.listJobOverviews()));
            jobs.sort(Comparator.comparingLong(JobOverview::startTime).thenComparing(JobOverview::jid));
            List<JobOverview> running = new ArrayList<>();
            List<JobOverview> scheduled = new ArrayList<>();
            List<JobOverview> terminated = new ArrayList<>();
            for (JobOverview job : jobs) {
                String state = job.state();
                if (state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED")) {
                    terminated.add(job);
                } else if (state.equals("CREATED") || state.equals("INITIALIZING")) {
                    scheduled.add(job);
                } else {
                    running.add(job);
                }
            }
            section("------------------ Running/Restarting Jobs -------------------", running, "No running jobs.");
            section("----------------------- Scheduled Jobs -----------------------", scheduled, "No scheduled jobs.");
            section(
                    "---------------------- Terminated Jobs -----------------------",
                    terminated,
                    "No terminated jobs.");
            return SluiceCli.EXIT_OK;
        }

        private void section(String header, List<JobOverview> jobs, String none) {
            if (jobs.isEmpty()) {
                cli.out.println(none);
                return;
            }
            cli.out.println(header);
            for (JobOverview job : jobs) {
                cli.out.println(line(job.jid(), job.name(), job.state(), job.startTime()));
            }
            cli.out.println(RULE);
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            versionProvider = SluiceCli.Version.class,
            description = {
                "Prints a job's state, as 'sluice list' does, with its duration and, if it failed, the root exception.",
                "Exit code: 0, or 1 for an unknown or malformed job id or when the cluster cannot be reached."
            })
    static final class StatusCommand extends ClusterCommand {
        @Parameters(index = "0", paramLabel = "<jobId>", description = "The job's id (32 hex digits).")
        String jobId;

        StatusCommand(SluiceCli cli) {
            super(cli);
        }

        @Override
        String name() {
            return "sluice status";
        }

        @Override
        int run(RestClusterClient client) throws Exception {
            JobID id = jobId(jobId);
            JobDetailsInfo job = await(client.getJobDetails(id));
            cli.out.println(line(job.jid(), job.name(), job.state(), job.startTime()));
            cli.out.println("Duration: " + job.duration() + " ms");
            if (job.state().equals(JobStatus.FAILED.name())) {
                JobExceptionsInfo exceptions = await(client.getJobExceptions(id));
                if (exceptions.rootException() != null) {
                    cli.out.println("Root exception: "
                            + exceptions.rootException().lines().findFirst().orElse(""));
                }
            }
            return SluiceCli.EXIT_OK;
        }
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            versionProvider = SluiceCli.Version.class,
            description = {
                "Cancels a running job and waits until it is CANCELED.",
                "Exit code: 0 once cancelled, 1 for an unknown or malformed job id, a job that already ended, or"
                        + " when the cluster cannot be reached."
            })
    static final class CancelCommand extends ClusterCommand {
        /** How long to wait for CANCELED after the cluster accepted the cancellation. */
        static final Duration WAIT = Duration.ofSeconds(60);

        @Parameters(index = "0", paramLabel = "<jobId>", description = "The job's id (32 hex digits).")
        String jobId;

        CancelCommand(SluiceCli cli) {
            super(cli);
        }

        @Override
        String name() {
            return "sluice cancel";
        }

        @Override
        int run(RestClusterClient client) throws Exception {
            JobID id = jobId(jobId);
            JobStatus status = await(client.getJobStatus(id));
            if (status.isTerminal()) {
                cli.err.println(name() + ": job " + id + " already ended (" + status + "); there is nothing to cancel");
                return SluiceCli.EXIT_PROGRAM_FAILED;
            }
            cli.out.println("Cancelling job " + id + ".");
            await(client.cancel(id));
            long deadline = System.nanoTime() + WAIT.toNanos();
            long sleepMillis = 10;
            while (!(status = await(client.getJobStatus(id))).isTerminal()) {
                if (System.nanoTime() > deadline) {
                    cli.err.println(name() + ": job " + id + " is still " + status + " after " + WAIT.toSeconds()
                            + " s; check it with 'sluice status " + id + "'");
                    return SluiceCli.EXIT_PROGRAM_FAILED;
                }
                TimeUnit.MILLISECONDS.sleep(sleepMillis);
                sleepMillis = Math.min(500, sleepMillis * 2);
            }
            if (status != JobStatus.CANCELED) {
                cli.err.println(name() + ": job " + id + " ended as " + status + " before it could be cancelled");
                return SluiceCli.EXIT_PROGRAM_FAILED;
            }
            cli.out.println("Cancelled job " + id + ".");
            return SluiceCli.EXIT_OK;
        }
    }
}
