package io.sluice.examples;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.windowing.ProcessWindowFunction;
import io.sluice.api.tuple.Tuple3;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.CloseableIterator;
import io.sluice.api.util.Collector;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.windows.TimeWindow;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Groups clicks into per-user sessions in event time: a session ends after {@code --gap}
 * milliseconds (default 3) without a click of that user. The built-in clicks arrive out of order
 * (the watermark trails the newest click by 10 ms), and an out-of-order click can bridge two
 * sessions into one.
 *
 * <pre>
 * SessionWindowing [--gap MS] [--parallelism N]
 * </pre>
 *
 * <p>Prints one line per session, by user and start: {@code user [start, end) clicks}.
 */
public final class SessionWindowing {
    static final Set<String> ARGUMENTS = Set.of("gap", "parallelism");

    /** (user, event time in ms, clicks), in arrival order. */
    static final List<Tuple3<String, Long, Integer>> CLICKS = List.of(
            Tuple3.of("alice", 1L, 1),
            Tuple3.of("bob", 1L, 1),
            Tuple3.of("bob", 3L, 2),
            Tuple3.of("alice", 7L, 1),
            Tuple3.of("bob", 5L, 1),
            Tuple3.of("carol", 6L, 1),
            Tuple3.of("alice", 4L, 1), // out of order: bridges alice's sessions [1, 4) and [7, 10)
            Tuple3.of("carol", 11L, 3),
            Tuple3.of("bob", 20L, 1));

    private SessionWindowing() {}

    public static void main(String[] args) throws Exception {
        ExampleArgs params;
        try {
            params = ExampleArgs.parse("SessionWindowing", args, ARGUMENTS);
            params.getPositiveInt("gap", 3);
            params.getPositiveInt("parallelism", 1);
        } catch (ExampleArgs.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(params, System.out);
    }

    static void run(ExampleArgs params, PrintStream out) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (params.get("parallelism") != null) {
            env.setParallelism(params.getPositiveInt("parallelism", env.getParallelism()));
        }
        long gap = params.getPositiveInt("gap", 3);
        List<Session> sessions = new ArrayList<>();
        try (CloseableIterator<Session> results = env.fromCollection(
                        CLICKS, Types.TUPLE(Types.STRING, Types.LONG, Types.INT))
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple3<String, Long, Integer>>forBoundedOutOfOrderness(
                                        Duration.ofMillis(gap))
                                .withTimestampAssigner((click, ts) -> click.f1))
                .keyBy(click -> click.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(gap)))
                .process(new DescribeSession(), TypeInformation.of(Session.class))
                .executeAndCollect("SessionWindowing")) {
            results.forEachRemaining(sessions::add);
        }
        sessions.sort(Comparator.comparing(Session::user).thenComparingLong(Session::start));
        sessions.forEach(out::println);
    }

    /** One user's session. */
    public record Session(String user, long start, long end, int clicks) {
        @Override
        public String toString() {
            return user + " [" + start + ", " + end + ") " + clicks;
        }
    }

    /** Sums the clicks of one session. */
    static final class DescribeSession
            extends ProcessWindowFunction<Tuple3<String, Long, Integer>, Session, String, TimeWindow> {
        @Override
        public void process(
                String user, Context ctx, Iterable<Tuple3<String, Long, Integer>> clicks, Collector<Session> out) {
            int total = 0;
            for (Tuple3<String, Long, Integer> click : clicks) {
                total += click.f2;
            }
            out.collect(new Session(user, ctx.window().getStart(), ctx.window().getEnd(), total));
        }
    }
}
