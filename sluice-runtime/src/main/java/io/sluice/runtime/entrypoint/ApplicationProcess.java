package io.sluice.runtime.entrypoint;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.execution.ExecutionOptions;
import io.sluice.runtime.blob.BlobKey;
import io.sluice.runtime.configuration.GlobalConfiguration;
import io.sluice.runtime.configuration.IllegalConfigurationException;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.rest.RestHandlerException;
import io.sluice.runtime.rest.handler.JarProgramRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Application mode: {@code bin/sluice application [-p N] [-c class] [-Dkey=value ...] <jar> [args...]}.
 * Starts a {@link JobManagerProcess}, stores the jar in its jar store and runs the jar's {@code main}
 * with a child-first class loader and an attached environment that submits to this JobManager's
 * Dispatcher ({@link JarProgramRunner.Mode#ATTACHED}); TaskManagers join the JobManager as in a
 * session cluster. When {@code main} returned and every job it submitted ended, the JobManager
 * stops and the process exits.
 *
 * <p>Exit codes: 0 if {@code main} returned and every job FINISHED; 1 if a job failed or was
 * cancelled, {@code main} threw, submitted no job, or the configuration is invalid (the reason on
 * standard error); 2 for a wrong command line.
 *
 * <p>Threading: everything runs on the main thread; the shutdown hook (SIGTERM) closes the
 * JobManager, which cancels the running jobs.
 */
public final class ApplicationProcess {
    static final String USAGE = "usage: sluice application [-p N] [-c class] [-Dkey=value ...] <jar> [args...]";

    private ApplicationProcess() {}

    /** The parsed command line. {@code parallelism} and {@code entryClass} are null when not given. */
    record Invocation(
            Integer parallelism, String entryClass, List<String> dynamicProperties, Path jar, List<String> args) {}

    /** A wrong command line: printed on one line, exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the application; returns the process's exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Invocation invocation;
        String entryClass;
        Configuration config;
        try {
            invocation = parse(args);
            entryClass = entryClass(invocation);
        } catch (UsageException e) {
            err.println("sluice application: " + e.getMessage());
            return 2;
        }
        try {
            config = GlobalConfiguration.loadConfiguration(
                    GlobalConfiguration.dynamicProperties(invocation.dynamicProperties()));
        } catch (IllegalConfigurationException e) {
            err.println("sluice application: invalid configuration: " + e.getMessage());
            return 1;
        }
        JobManagerProcess jobManager;
        try {
            jobManager = JobManagerProcess.start(config);
        } catch (Exception e) {
            err.println("sluice application: could not start the JobManager: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(jobManager::close, "sluice-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println("Sluice application " + entryClass + " from " + invocation.jar() + ": JobManager REST "
                    + jobManager.getRestBaseUrl() + ", RPC " + jobManager.getRpcAddress());
            return runProgram(jobManager, invocation, entryClass, parallelism(invocation, config), out, err);
        } finally {
            jobManager.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook runs (or ran) anyway; close() is idempotent.
            }
        }
    }

    private static int runProgram(
            JobManagerProcess jobManager,
            Invocation invocation,
            String entryClass,
            int parallelism,
            PrintStream out,
            PrintStream err) {
        String jarName = invocation.jar().getFileName().toString();
        List<JobID> jobs;
        try {
            BlobKey key;
            try (InputStream in = Files.newInputStream(invocation.jar())) {
                key = jobManager.getJarStore().put(in, Long.MAX_VALUE);
            }
            Path stored = jobManager.getJarStore().get(key);
            jobs = new JarProgramRunner(jobManager.getDispatcherGateway(), JarProgramRunner.Mode.ATTACHED, parallelism)
                    .runProgram(stored, key, jarName, entryClass, invocation.args(), parallelism);
        } catch (RestHandlerException e) {
            err.println("sluice application: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("sluice application: cannot store the jar " + invocation.jar() + ": " + e);
            return 1;
        }
        int exitCode = 0;
        for (JobID job : jobs) {
            JobResult result;
            try {
                result = jobManager.getDispatcherGateway().requestJobResult(job).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("sluice application: interrupted while waiting for job " + job);
                return 1;
            } catch (Exception e) {
                err.println("sluice application: cannot get the result of job " + job + ": " + e);
                exitCode = 1;
                continue;
            }
            String name = "Job '" + result.jobName() + "' (" + job + ")";
            if (result.status() == JobStatus.FINISHED) {
                out.println(name + " finished in " + result.netRuntimeMillis() + " ms");
            } else {
                String cause = result.failureCause() == null
                        ? ""
                        : ": " + result.failureCause().getMessage();
                String task = result.failedTask() == null ? "" : " (task " + result.failedTask() + ")";
                err.println("sluice application: " + name + " is " + result.status() + task + cause);
                exitCode = 1;
            }
        }
        return exitCode;
    }

    /**
     * -p, else parallelism.default of the configuration, else 1: a cluster runs jobs at 1 unless
     * told otherwise (the option's built-in -1, "one per CPU core", is for embedded clusters).
     */
    private static int parallelism(Invocation invocation, Configuration config) {
        if (invocation.parallelism() != null) {
            return invocation.parallelism();
        }
        int configured = config.get(ExecutionOptions.DEFAULT_PARALLELISM);
        return configured > 0 ? configured : 1;
    }

    static Invocation parse(String[] args) throws UsageException {
        Integer parallelism = null;
        String entryClass = null;
        List<String> dynamic = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String option = args[i];
            switch (option) {
                case "-p", "--parallelism" -> {
                    String value = value(args, i, option);
                    try {
                        parallelism = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        parallelism = 0;
                    }
                    if (parallelism < 1) {
                        throw new UsageException(option + " must be a positive integer, was '" + value + "'");
                    }
                    i += 2;
                }
                case "-c", "--class" -> {
                    entryClass = value(args, i, option);
                    i += 2;
                }
                default -> {
                    if (option.startsWith("-D") && option.length() > 2) {
                        dynamic.add(option);
                        i++;
                    } else {
                        throw new UsageException("unknown option '" + option + "'; " + USAGE);
                    }
                }
            }
        }
        if (i == args.length) {
            throw new UsageException("no jar given; " + USAGE);
        }
        Path jar = Path.of(args[i]);
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("the jar '" + jar + "' does not exist or is not a file");
        }
        return new Invocation(
                parallelism, entryClass, dynamic, jar, List.of(args).subList(i + 1, args.length));
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i + 1 >= args.length) {
            throw new UsageException("option " + option + " needs a value; " + USAGE);
        }
        return args[i + 1];
    }

    /** -c, else the jar manifest's Main-Class. */
    private static String entryClass(Invocation invocation) throws UsageException {
        if (invocation.entryClass() != null) {
            return invocation.entryClass();
        }
        try (JarFile jar = new JarFile(invocation.jar().toFile())) {
            Manifest manifest = jar.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (main == null || main.isBlank()) {
                throw new UsageException("the jar '" + invocation.jar()
                        + "' names no Main-Class in its manifest; give the entry" + " class with -c");
            }
            return main.trim();
        } catch (IOException e) {
            throw new UsageException("cannot open '" + invocation.jar() + "' as a jar: " + e.getMessage());
        }
    }
}
