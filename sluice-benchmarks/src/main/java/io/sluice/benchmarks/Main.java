package io.sluice.benchmarks;

/**
 * Entry point of {@code sluice-benchmarks.jar}:
 *
 * <pre>
 * java -jar sluice-benchmarks.jar P1 &lt;records&gt; [parallelism=2]
 * java -jar sluice-benchmarks.jar P2 &lt;records&gt; [parallelism=2]
 * java -jar sluice-benchmarks.jar P3 &lt;records&gt; [checkpointMs=0] [parallelism=2] [windowMs=1000] [outOfOrdernessMs=1000]
 * java -jar sluice-benchmarks.jar P4 [parallelism=1]
 * java -jar sluice-benchmarks.jar jmh [JMH arguments...]
 * </pre>
 *
 * Exits with code 2 and a usage line on bad arguments.
 */
public final class Main {
    static final String USAGE = "usage: java -jar sluice-benchmarks.jar P1 <records> [parallelism=2]"
            + " | P2 <records> [parallelism=2]"
            + " | P3 <records> [checkpointMs=0] [parallelism=2] [windowMs=1000] [outOfOrdernessMs=1000]"
            + " | P4 [parallelism=1] | jmh [JMH arguments...]";

    private Main() {}

    public static void main(String[] args) throws Exception {
        long mainStart = System.nanoTime();
        // Exit explicitly: a usage error must give status 2, and nothing may linger after the RESULT line.
        System.exit(run(args, mainStart));
    }

    /** Runs the job {@code args} name; returns the process exit status (0, or 2 with a usage line on stderr). */
    static int run(String[] args, long mainStart) throws Exception {
        if (args.length == 0) {
            return usage("no job given");
        }
        String job = args[0];
        switch (job) {
            case "P1", "P2" -> {
                if (args.length < 2 || args.length > 3) {
                    return usage(job + " takes <records> [parallelism]");
                }
                long n = parsePositive(args[1]);
                long parallelism = args.length > 2 ? parsePositive(args[2]) : 2;
                if (n <= 0) {
                    return usage("records must be a positive integer, got '" + args[1] + "'");
                }
                if (parallelism <= 0 || parallelism > Integer.MAX_VALUE) {
                    return usage("parallelism must be a positive integer, got '" + args[2] + "'");
                }
                if (job.equals("P1")) {
                    P1Stateless.run(n, (int) parallelism);
                } else {
                    P2WordCount.run(n, (int) parallelism);
                }
                return 0;
            }
            case "P3" -> {
                if (args.length < 2 || args.length > 6) {
                    return usage("P3 takes <records> [checkpointMs] [parallelism] [windowMs] [outOfOrdernessMs]");
                }
                long n = parsePositive(args[1]);
                if (n <= 0) {
                    return usage("records must be a positive integer, got '" + args[1] + "'");
                }
                long checkpointMs = args.length > 2 ? parseNonNegative(args[2]) : 0;
                if (checkpointMs < 0 || (checkpointMs > 0 && checkpointMs < 10)) {
                    return usage("checkpointMs must be 0 (off) or at least 10, got '" + args[2] + "'");
                }
                long parallelism = args.length > 3 ? parsePositive(args[3]) : 2;
                if (parallelism <= 0 || parallelism > Integer.MAX_VALUE) {
                    return usage("parallelism must be a positive integer, got '" + args[3] + "'");
                }
                long windowMs = args.length > 4 ? parsePositive(args[4]) : 1000;
                if (windowMs <= 0) {
                    return usage("windowMs must be a positive integer, got '" + args[4] + "'");
                }
                long oooMs = args.length > 5 ? parseNonNegative(args[5]) : 1000;
                if (oooMs < 0) {
                    return usage("outOfOrdernessMs must be a non-negative integer, got '" + args[5] + "'");
                }
                P3Windows.run(n, (int) parallelism, windowMs, oooMs, checkpointMs);
                return 0;
            }
            case "P4" -> {
                if (args.length > 2) {
                    return usage("P4 takes [parallelism]");
                }
                long parallelism = args.length > 1 ? parsePositive(args[1]) : 1;
                if (parallelism <= 0 || parallelism > Integer.MAX_VALUE) {
                    return usage("parallelism must be a positive integer, got '" + args[1] + "'");
                }
                P4Startup.run((int) parallelism, mainStart);
                return 0;
            }
            case "jmh" -> {
                String[] rest = new String[args.length - 1];
                System.arraycopy(args, 1, rest, 0, rest.length);
                org.openjdk.jmh.Main.main(rest);
                return 0;
            }
            default -> {
                return usage("unknown job '" + job + "'");
            }
        }
    }

    /** The number in {@code text} (underscores allowed), or -1 if it is not a positive integer. */
    private static long parsePositive(String text) {
        try {
            long value = Long.parseLong(text.replace("_", ""));
            return value > 0 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The number in {@code text} (underscores allowed), or -1 if it is not a non-negative integer. */
    private static long parseNonNegative(String text) {
        return text.equals("0") ? 0 : parsePositive(text);
    }

    private static int usage(String problem) {
        System.err.println("sluice-benchmarks: " + problem);
        System.err.println(USAGE);
        return 2;
    }
}
