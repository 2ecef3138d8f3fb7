package io.sluice.examples;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.typeinfo.Types;
import java.util.Set;

/**
 * Counts words arriving on a TCP socket and prints every updated count, an unbounded job.
 *
 * <pre>
 * SocketWordCount --host HOST --port PORT [--parallelism N]
 * </pre>
 *
 * <p>Start a text server first, e.g. {@code nc -lk 9999}, then type lines into it. Lines are
 * tokenized like {@link WordCount}; each word's running count is printed as {@code word count}
 * after every occurrence (with a {@code subtask> } prefix when the parallelism is above 1). The job
 * ends when the server closes the connection. Counts over time windows come with event time and
 * windows. A wrong argument prints one line to standard error and exits with code 2.
 */
public final class SocketWordCount {
    static final Set<String> ARGUMENTS = Set.of("host", "port", "parallelism");

    private SocketWordCount() {}

    public static void main(String[] args) throws Exception {
        ExampleArgs params;
        int port;
        try {
            params = ExampleArgs.parse("SocketWordCount", args, ARGUMENTS);
            if (params.get("host") == null || params.get("port") == null) {
                throw new ExampleArgs.UsageException(
                        "SocketWordCount: --host and --port are required, e.g. --host localhost --port 9999");
            }
            port = params.getPositiveInt("port", 0);
            params.getPositiveInt("parallelism", 1);
        } catch (ExampleArgs.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(params.get("host"), port, params);
    }

    static void run(String host, int port, ExampleArgs params) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (params.get("parallelism") != null) {
            env.setParallelism(params.getPositiveInt("parallelism", env.getParallelism()));
        }
        env.socketTextStream(host, port)
                .flatMap(WordCount::tokenize)
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .name("Tokenizer")
                .keyBy(t -> t.f0)
                .sum(1)
                .name("Rolling count")
                .map(t -> t.f0 + " " + t.f1)
                .returns(Types.STRING)
                .print();
        env.execute("SocketWordCount " + host + ":" + port);
    }
}
