package io.sluice.connector.file.src;

import io.sluice.api.common.ResultTypeQueryable;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.lib.SequentialSplitReader;
import io.sluice.api.connector.source.lib.SplitCollectionSerializer;
import io.sluice.api.connector.source.lib.StaticSplitEnumerator;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.connector.file.src.reader.StreamFormat;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A bounded source of the records of files, read with a {@link StreamFormat}:
 *
 * <pre>{@code
 * FileSource<String> source =
 *         FileSource.forRecordStreamFormat(new TextLineInputFormat(), Path.of("/data/in")).build();
 * }</pre>
 *
 * <p>When the job starts, the enumerator (on the JobMaster) lists the paths once: a file stands for
 * itself; a directory contributes its regular files, recursively, except hidden ones (a file or
 * directory whose name starts with {@code '.'} or {@code '_'}). All files are sorted by path and
 * become one split each, handed to readers as they ask; a missing path fails the job start with
 * its name. Each reader reads its files one after another, in batches, and checkpoints the number
 * of records read in the current file.
 *
 * <p>The source object is immutable and serializable (paths are kept as strings).
 */
public final class FileSource<T>
        implements Source<T, FileSourceSplit, Collection<FileSourceSplit>>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final StreamFormat<T> format;
    private final List<String> paths;

    private FileSource(StreamFormat<T> format, List<String> paths) {
        this.format = format;
        this.paths = List.copyOf(paths);
    }

    /** Starts a source that reads the given files or directories with {@code format}. */
    public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> format, Path... paths) {
        return new FileSourceBuilder<>(format, paths);
    }

    /**
     * The record type, if the format knows it ({@link TextLineInputFormat} does), so that
     * {@code env.fromSource(fileSource, watermarks, name)} needs no explicit type; else null.
     */
    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getProducedType() {
        return format instanceof ResultTypeQueryable<?> q ? (TypeInformation<T>) q.getProducedType() : null;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    /** Lists the files behind the configured paths, sorted, one split each. */
    public List<FileSourceSplit> enumerateSplits() throws IOException {
        TreeSet<Path> files = new TreeSet<>();
        for (String pathString : paths) {
            Path path = Path.of(pathString);
            if (!Files.exists(path)) {
                throw new FileNotFoundException("FileSource: input path '" + pathString
                        + "' does not exist (resolved to " + path.toAbsolutePath()
                        + " on the JobManager); check the path given to forRecordStreamFormat");
            }
            if (Files.isDirectory(path)) {
                collectVisibleFiles(path, files);
            } else {
                files.add(path.toAbsolutePath().normalize());
            }
        }
        List<FileSourceSplit> splits = new ArrayList<>(files.size());
        int index = 0;
        for (Path file : files) {
            splits.add(new FileSourceSplit(String.valueOf(index++), file.toString(), 0));
        }
        return splits;
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        return s.startsWith(".") || s.startsWith("_");
    }

    private static void collectVisibleFiles(Path root, TreeSet<Path> files) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isHidden(file)) {
                    files.add(file.toAbsolutePath().normalize());
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public SplitEnumerator<FileSourceSplit, Collection<FileSourceSplit>> createEnumerator(
            SplitEnumeratorContext<FileSourceSplit> enumContext) throws IOException {
        return new StaticSplitEnumerator<>(enumContext, enumerateSplits());
    }

    @Override
    public SplitEnumerator<FileSourceSplit, Collection<FileSourceSplit>> restoreEnumerator(
            SplitEnumeratorContext<FileSourceSplit> enumContext, Collection<FileSourceSplit> checkpoint) {
        return new StaticSplitEnumerator<>(enumContext, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return new FileSourceSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<FileSourceSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(new FileSourceSplit.Serializer());
    }

    @Override
    public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext readerContext) {
        return new FileReader<>(readerContext, format);
    }

    /** Builds a {@link FileSource}. */
    public static final class FileSourceBuilder<T> {
        private final StreamFormat<T> format;
        private final List<String> paths = new ArrayList<>();

        private FileSourceBuilder(StreamFormat<T> format, Path... paths) {
            if (format == null) {
                throw new IllegalArgumentException("FileSource: format must not be null");
            }
            if (paths.length == 0) {
                throw new IllegalArgumentException("FileSource: give at least one file or directory to read");
            }
            this.format = format;
            for (Path path : paths) {
                this.paths.add(path.toString());
            }
        }

        public FileSource<T> build() {
            return new FileSource<>(format, paths);
        }
    }

    /** Reads its files one after another with the format; task thread only. */
    static final class FileReader<T> extends SequentialSplitReader<T, FileSourceSplit> {
        private final StreamFormat<T> format;
        private FileSourceSplit split;
        private StreamFormat.Reader<T> reader;
        private long recordsRead;

        FileReader(SourceReaderContext context, StreamFormat<T> format) {
            super(context);
            this.format = format;
        }

        @Override
        protected void openSplit(FileSourceSplit newSplit) throws IOException {
            split = newSplit;
            try {
                reader = format.createReader(Files.newInputStream(newSplit.filePath()));
                for (recordsRead = 0; recordsRead < newSplit.recordsToSkip(); recordsRead++) {
                    if (reader.read() == null) {
                        throw new IOException("has only " + recordsRead + " records, but the checkpoint says "
                                + newSplit.recordsToSkip() + " were read; did the file change?");
                    }
                }
            } catch (IOException e) {
                throw new IOException("FileSource: could not open " + newSplit.path() + ": " + e.getMessage(), e);
            }
        }

        @Override
        protected boolean emitBatch(ReaderOutput<T> output) throws IOException {
            final StreamFormat.Reader<T> in = reader;
            for (int i = 0; i < BATCH_SIZE; i++) {
                T record;
                try {
                    record = in.read();
                } catch (IOException e) {
                    throw new IOException(
                            "FileSource: reading " + split.path() + " failed after record " + recordsRead + ": "
                                    + e.getMessage(),
                            e);
                }
                if (record == null) {
                    return true;
                }
                output.collect(record);
                recordsRead++;
            }
            return false;
        }

        @Override
        protected FileSourceSplit currentSplitState() {
            return new FileSourceSplit(split.splitId(), split.path(), recordsRead);
        }

        @Override
        protected void closeSplit() throws IOException {
            StreamFormat.Reader<T> toClose = reader;
            reader = null;
            if (toClose != null) {
                toClose.close();
            }
        }
    }
}
