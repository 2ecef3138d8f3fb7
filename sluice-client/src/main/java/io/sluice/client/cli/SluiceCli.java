package io.sluice.client.cli;

import io.sluice.runtime.configuration.GlobalConfiguration;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code sluice} command line, what {@code bin/sluice} runs:
 *
 * <pre>
 * sluice run [-d] [-p N] [-c MainClass] [-m host:port] [-s path [-n]] &lt;jar&gt; [args...]   on a cluster
 * sluice run --local [-p N] [-c MainClass] [-s path [-n]] &lt;jar&gt; [args...]               in this JVM
 * sluice list | status &lt;jobId&gt; | cancel &lt;jobId&gt;  [-m host:port]
 * sluice --help | --version
 * </pre>
 *
 * <p>Without {@code --local}, {@code run} uploads the jar to the cluster's REST API ({@code -m}, else
 * {@code rest.address}/{@code rest.port} of {@code sluice.yaml} in {@code $SLUICE_CONF_DIR} or the
 * distribution's {@code conf/}) and runs its {@code main} there; the jobs it submits run on the
 * cluster. Attached (the default) it then waits for the job and prints its result; detached
 * ({@code -d}) it returns once the job was submitted.
 *
 * <p>Exit codes: {@value #EXIT_OK} when the program's {@code main} returned and, attached, its job
 * finished (or help/version was printed); {@value #EXIT_PROGRAM_FAILED} when it threw, the job failed
 * or was cancelled, the cluster cannot be reached or refused a request (an unknown job id);
 * {@value #EXIT_USAGE} for a wrong command line, an unreadable jar or a missing main class/method
 * (one line on standard error).
 *
 * <p>{@link #execute} returns the exit code instead of exiting, for tests and embedding; only
 * {@link #main} calls {@link System#exit}. An instance is used by one thread.
 */
@Command(
        name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = SluiceCli.Version.class,
        description = "Runs Sluice stream processing jobs.",
        footer = {
            "",
            "Cluster processes (bin/sluice, see docs/deployment.md):",
            "  jobmanager | taskmanager [-Dkey=value...]   run one in the foreground",
            "  cluster start | cluster stop                 JobManager and conf/workers TaskManagers as daemons",
            "  taskmanager start | taskmanager stop         one more (or one less) TaskManager daemon",
            "  application [-p N] [-c class] <jar> [args]   a JobManager that runs the jar and exits with it"
        },
        subcommands = {
            SluiceCli.RunCommand.class,
            JobCommands.ListCommand.class,
            JobCommands.StatusCommand.class,
            JobCommands.CancelCommand.class
        })
public final class SluiceCli implements Callable<Integer> {
    /** The program's main returned, or help or the version was printed. */
    public static final int EXIT_OK = 0;
    /** The program's main threw. */
    public static final int EXIT_PROGRAM_FAILED = 1;
    /** Wrong command line, or the jar or its main class cannot be used. */
    public static final int EXIT_USAGE = 2;

    final PrintStream out;
    final PrintStream err;
    /** The environment: {@code SLUICE_CONF_DIR} and {@code SLUICE_HOME} locate the configuration. */
    final Map<String, String> env;

    /** A CLI printing to {@code System.out} and {@code System.err}. */
    public SluiceCli() {
        this(System.out, System.err);
    }

    /** A CLI printing its own messages to {@code out} and {@code err} (the program prints where it likes). */
    public SluiceCli(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    /** A CLI that reads {@code SLUICE_CONF_DIR} and {@code SLUICE_HOME} from {@code env} instead of the process's. */
    public SluiceCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        System.exit(new SluiceCli().execute(args));
    }

    /** Runs the command line {@code args} and returns the exit code. */
    public int execute(String... args) {
        CommandLine cli = new CommandLine(this, new Factory());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        // Everything after the jar belongs to the program, options included.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.setParameterExceptionHandler((e, ignored) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + e.getMessage() + "; see '" + command + " --help'");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("sluice: unexpected error in the client: " + e);
            e.printStackTrace(err);
            return EXIT_PROGRAM_FAILED;
        });
        return cli.execute(args);
    }

    /** {@code sluice} without a command. */
    @Override
    public Integer call() {
        err.println("sluice: missing command; run a job with 'sluice run <jar>', see 'sluice --help'");
        return EXIT_USAGE;
    }

    /** {@code sluice run}: runs a job jar's main method, on a cluster or (--local) in this JVM. */
    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            versionProvider = SluiceCli.Version.class,
            description = {
                "Runs the main method of a job jar on a cluster: uploads the jar to the cluster's REST API and"
                        + " runs it there; attached (the default) waits for the job and prints its result. With"
                        + " --local, runs it in this JVM on an embedded cluster.",
                "Exit code: 0 when main returns (attached: and the job finished), 1 when it throws, the job fails"
                        + " or is cancelled or the cluster cannot be reached, 2 for a wrong command line."
            })
    static final class RunCommand implements Callable<Integer> {
        private final SluiceCli cli;

        @Option(
                names = "--local",
                description = "Run the job on an embedded cluster in this JVM instead of a running cluster.")
        boolean local;

        @Option(
                names = {"-d", "--detached"},
                description = "Return once the job was submitted, printing its id, instead of waiting for it.")
        boolean detached;

        @Option(
                names = {"-m", "--jobmanager"},
                paramLabel = "host:port",
                description = "REST address of the cluster (default: rest.address:rest.port of the configuration,"
                        + " 127.0.0.1:8081 without one).")
        String jobManager;

        @Option(
                names = {"-p", "--parallelism"},
                paramLabel = "N",
                description = "Default parallelism of the program's jobs (default: parallelism.default; locally"
                        + " the number of CPU cores).")
        Integer parallelism;

        @Option(
                names = {"-c", "--class"},
                paramLabel = "MainClass",
                description = "Class whose main method runs (default: the Main-Class of the jar's manifest).")
        String mainClass;

        @Option(
                names = {"-s", "--fromSavepoint"},
                paramLabel = "path",
                description = "Start the program's jobs from this retained checkpoint or savepoint (its directory"
                        + " or _metadata file).")
        String savepointPath;

        @Option(
                names = {"-n", "--allowNonRestoredState"},
                description = "With -s: skip state in the checkpoint that belongs to no operator of the job instead"
                        + " of failing.")
        boolean allowNonRestoredState;

        @Parameters(index = "0", paramLabel = "<jar>", description = "The job jar.")
        Path jar;

        @Parameters(index = "1..*", paramLabel = "args", description = "Arguments passed to the program's main.")
        List<String> args = new ArrayList<>();

        RunCommand(SluiceCli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            try {
                if (parallelism != null && parallelism < 1) {
                    throw new CliException(
                            "sluice run: -p must be at least 1, was " + parallelism + "; pass the parallelism as -p N");
                }
                if (local && (detached || jobManager != null)) {
                    throw new CliException("sluice run: --local runs the job in this JVM; it does not go with "
                            + (detached ? "-d" : "-m") + ", which is for a cluster");
                }
                if (allowNonRestoredState && savepointPath == null) {
                    throw new CliException("sluice run: -n (--allowNonRestoredState) needs -s <path>, the checkpoint"
                            + " to start from");
                }
                if (savepointPath != null && savepointPath.isBlank()) {
                    throw new CliException("sluice run: -s needs a path to a retained checkpoint or savepoint");
                }
                SavepointRestoreSettings restore = savepointPath == null
                        ? SavepointRestoreSettings.none()
                        : SavepointRestoreSettings.forPath(savepointPath, allowNonRestoredState);
                try (JarProgram program = JarProgram.open(jar, mainClass, SluiceCli.class.getClassLoader())) {
                    if (!local) {
                        URI url = ClusterAddress.resolve(
                                "sluice run",
                                jobManager,
                                cli.env,
                                System.getProperty(GlobalConfiguration.PROPERTY_HOME));
                        return new RemoteRun(cli.out, cli.err)
                                .run(url, jar, program, args, parallelism, restore, detached);
                    }
                    try {
                        program.run(args.toArray(new String[0]), parallelism, restore);
                        return EXIT_OK;
                    } catch (Throwable t) {
                        cli.err.println("The program failed: " + t);
                        t.printStackTrace(cli.err);
                        return EXIT_PROGRAM_FAILED;
                    }
                }
            } catch (CliException e) {
                cli.err.println(e.getMessage());
                return EXIT_USAGE;
            }
        }
    }

    /** The version of this build, from a resource the build fills in. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = SluiceCli.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IOException("version.properties is missing from the sluice-client jar; rebuild it");
                }
                p.load(in);
            }
            return new String[] {"Sluice " + p.getProperty("version")};
        }
    }

    /** Creates the command objects; the subcommand gets this CLI for its output streams. */
    private final class Factory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == RunCommand.class) {
                return cls.cast(new RunCommand(SluiceCli.this));
            }
            if (cls == JobCommands.ListCommand.class) {
                return cls.cast(new JobCommands.ListCommand(SluiceCli.this));
            }
            if (cls == JobCommands.StatusCommand.class) {
                return cls.cast(new JobCommands.StatusCommand(SluiceCli.this));
            }
            if (cls == JobCommands.CancelCommand.class) {
                return cls.cast(new JobCommands.CancelCommand(SluiceCli.this));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
