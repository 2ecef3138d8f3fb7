package io.sluice.examples;

import io.sluice.api.datastream.DataStream;
import io.sluice.api.datastream.DataStreamSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.connector.file.src.FileSource;
import io.sluice.connector.file.src.reader.TextLineInputFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Counts the words of a text, the "hello world" of stream processing, on bounded input.
 *
 * <pre>
 * WordCount [--input FILE|DIR] [--output DIR] [--parallelism N]
 * </pre>
 *
 * <p>Reads the lines of {@code --input} (a file, or every visible file under a directory) or, without
 * it, a few paragraphs of Shakespeare built into the program. Lines are lower-cased and split at
 * every run of non-word characters ({@code \W+}); empty tokens are dropped. Words are counted with
 * {@code keyBy(word).sum(1)}; {@link FinalCountSink} keeps the final count of each word and writes
 * {@code word count} lines sorted by word, to {@code DIR/part-<subtask>} with {@code --output}, else
 * to standard output (one sorted listing). A wrong argument prints one line to standard error and
 * exits with code 2.
 */
public final class WordCount {
    static final Set<String> ARGUMENTS = Set.of("input", "output", "parallelism");

    /** Hamlet, Act 3 Scene 1, and Macbeth, Act 5 Scene 5 (public domain). */
    static final String[] BUILT_IN_TEXT = {
        "To be, or not to be, that is the question:",
        "Whether 'tis nobler in the mind to suffer",
        "The slings and arrows of outrageous fortune,",
        "Or to take arms against a sea of troubles",
        "And by opposing end them. To die: to sleep;",
        "No more; and by a sleep to say we end",
        "The heart-ache and the thousand natural shocks",
        "That flesh is heir to, 'tis a consummation",
        "Devoutly to be wish'd. To die, to sleep;",
        "To sleep: perchance to dream: ay, there's the rub;",
        "For in that sleep of death what dreams may come",
        "When we have shuffled off this mortal coil,",
        "Must give us pause.",
        "To-morrow, and to-morrow, and to-morrow,",
        "Creeps in this petty pace from day to day",
        "To the last syllable of recorded time;",
        "And all our yesterdays have lighted fools",
        "The way to dusty death. Out, out, brief candle!",
        "Life's but a walking shadow, a poor player",
        "That struts and frets his hour upon the stage",
        "And then is heard no more: it is a tale",
        "Told by an idiot, full of sound and fury,",
        "Signifying nothing.",
    };

    private WordCount() {}

    /** The text counted when no {@code --input} is given. */
    public static List<String> builtInText() {
        return List.of(BUILT_IN_TEXT);
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs params;
        try {
            params = ExampleArgs.parse("WordCount", args, ARGUMENTS);
            params.getPositiveInt("parallelism", 1);
        } catch (ExampleArgs.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(params);
    }

    static void run(ExampleArgs params) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (params.get("parallelism") != null) {
            env.setParallelism(params.getPositiveInt("parallelism", env.getParallelism()));
        }

        DataStream<String> lines;
        String input = params.get("input");
        if (input != null) {
            FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), Path.of(input))
                    .build();
            lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "Text files " + input);
        } else {
            lines = env.fromData(BUILT_IN_TEXT);
        }

        String output = params.get("output");
        DataStreamSink<Tuple2<String, Long>> sink = lines.flatMap(WordCount::tokenize)
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .name("Tokenizer")
                .keyBy(t -> t.f0)
                .sum(1)
                .name("Rolling count")
                .sinkTo(new FinalCountSink(output == null ? null : Path.of(output)))
                .name("Final counts");
        if (output == null) {
            // One subtask prints, so standard output shows one sorted listing.
            sink.setParallelism(1);
        }
        env.execute("WordCount");
    }

    /** Emits {@code (word, 1)} for every word of the line: lower case, split at {@code \W+}. */
    static void tokenize(String line, Collector<Tuple2<String, Long>> out) {
        for (String word : line.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                out.collect(Tuple2.of(word, 1L));
            }
        }
    }
}
