package io.sluice.benchmarks;

/**
 * Entry point of {@code sluice-benchmarks.jar}:
 *
 * <pre>
 * java -jar sluice-benchmarks.jar P1 &lt;records&gt; [parallelism=2]
 * java -jar sluice-benchmarks.jar P2 &lt;records&gt; [parallelism=2]
 * java -jar sluice-benchmarks.jar P4 [parallelism=1]
 * java -jar sluice-benchmarks.jar jmh [JMH arguments...]
 * </pre>
 *
 * Exits with code 2 and a usage line on bad arguments.
 */
public final class Main {
    static final String USAGE = "usage: java -jar sluice-benchmarks.jar P1 <records> [parallelism=2]"
            + " | P2 <records> [parallelism=2] | P4 [parallelism=1] | jmh [JMH arguments...]";

    private Main() {}

    public static void main(String[] args) throws Exception {
        long mainStart = System.nanoTime();
        if (args.length == 0) {
            usage("no job given");
            return;
        }
        String job = args[0];
        switch (job) {
            case "P1", "P2" -> {
                if (args.length < 2 || args.length > 3) {
                    usage(job + " takes <records> [parallelism]");
                    return;
                }
                Long n = parsePositive(args[1], "records");
                Long parallelism = args.length > 2 ? parsePositive(args[2], "parallelism") : Long.valueOf(2);
                if (n == null || parallelism == null) {
                    return;
                }
                if (job.equals("P1")) {
                    P1Stateless.run(n, parallelism.intValue());
                } else {
                    P2WordCount.run(n, parallelism.intValue());
                }
            }
            case "P4" -> {
                if (args.length > 2) {
                    usage("P4 takes [parallelism]");
                    return;
                }
                Long parallelism = args.length > 1 ? parsePositive(args[1], "parallelism") : Long.valueOf(1);
                if (parallelism == null) {
                    return;
                }
                P4Startup.run(parallelism.intValue(), mainStart);
            }
            case "jmh" -> {
                String[] rest = new String[args.length - 1];
                System.arraycopy(args, 1, rest, 0, rest.length);
                org.openjdk.jmh.Main.main(rest);
            }
            default -> usage("unknown job '" + job + "'");
        }
        // The embedded cluster's threads must not keep the JVM alive after the RESULT line.
        System.exit(0);
    }

    /** Parses a positive number (underscores allowed); prints the usage and exits with 2 if it is not one. */
    private static Long parsePositive(String text, String what) {
        try {
            long value = Long.parseLong(text.replace("_", ""));
            if (value > 0 && (!what.equals("parallelism") || value <= Integer.MAX_VALUE)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage(what + " must be a positive integer, got '" + text + "'");
        return null;
    }

    private static void usage(String problem) {
        System.err.println("sluice-benchmarks: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
