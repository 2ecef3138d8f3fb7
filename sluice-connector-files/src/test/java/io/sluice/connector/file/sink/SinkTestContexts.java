package io.sluice.connector.file.sink;

import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.common.operators.ProcessingTimeService;
import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.WriterInitContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Fakes for driving a FileSink writer and committer by hand: a manual clock, a context, requests. */
final class SinkTestContexts {
    private SinkTestContexts() {}

    /** A processing-time service whose clock the test moves; due timers fire in time order. */
    static final class ManualTime implements ProcessingTimeService {
        private long now;
        private final List<long[]> order = new ArrayList<>();
        private final List<ProcessingTimeCallback> callbacks = new ArrayList<>();

        ManualTime(long now) {
            this.now = now;
        }

        @Override
        public long getCurrentProcessingTime() {
            return now;
        }

        @Override
        public void registerTimer(long timestamp, ProcessingTimeCallback callback) {
            order.add(new long[] {timestamp, callbacks.size()});
            callbacks.add(callback);
        }

        void advanceTo(long time) throws Exception {
            now = time;
            while (true) {
                long[] due = null;
                for (long[] t : order) {
                    if (t[0] <= time && (due == null || t[0] < due[0])) {
                        due = t;
                    }
                }
                if (due == null) {
                    return;
                }
                order.remove(due);
                callbacks.get((int) due[1]).onProcessingTime(due[0]);
            }
        }
    }

    static WriterInitContext context(ProcessingTimeService time) {
        return new WriterInitContext() {
            @Override
            public TaskInfo getTaskInfo() {
                return new TaskInfo() {
                    @Override
                    public String getTaskName() {
                        return "sink";
                    }

                    @Override
                    public String getTaskNameWithSubtasks() {
                        return "sink (1/1)";
                    }

                    @Override
                    public int getIndexOfThisSubtask() {
                        return 0;
                    }

                    @Override
                    public int getNumberOfParallelSubtasks() {
                        return 1;
                    }

                    @Override
                    public int getMaxNumberOfParallelSubtasks() {
                        return 128;
                    }

                    @Override
                    public int getAttemptNumber() {
                        return 0;
                    }
                };
            }

            @Override
            public JobID getJobId() {
                return new JobID(1, 2);
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return getClass().getClassLoader();
            }

            @Override
            public boolean isObjectReuseEnabled() {
                return false;
            }

            @Override
            public ProcessingTimeService getProcessingTimeService() {
                return time;
            }
        };
    }

    /** A commit request that records what the committer said. */
    static final class Request implements Committer.CommitRequest<FileSinkCommittable> {
        final FileSinkCommittable committable;
        String outcome = "committed";
        Throwable failure;

        Request(FileSinkCommittable committable) {
            this.committable = committable;
        }

        @Override
        public FileSinkCommittable getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return 0;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            outcome = "failedKnown";
            failure = t;
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            outcome = "failedUnknown";
            failure = t;
        }

        @Override
        public void retryLater() {
            outcome = "retry";
        }

        @Override
        public void updateAndRetryLater(FileSinkCommittable committable) {
            outcome = "retry";
        }

        @Override
        public void signalAlreadyCommitted() {
            outcome = "alreadyCommitted";
        }
    }

    /** Commits each committable; returns the requests with their outcomes. */
    static List<Request> commit(Iterable<FileSinkCommittable> committables) throws Exception {
        List<Request> requests = new ArrayList<>();
        for (FileSinkCommittable c : committables) {
            requests.add(new Request(c));
        }
        try (FileCommitter committer = new FileCommitter()) {
            committer.commit(new ArrayList<>(requests));
        }
        return requests;
    }

    /** Relative paths of the files a reader sees (hidden names starting with '.' or '_' skipped), sorted. */
    static List<String> visibleFiles(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : dir.relativize(p)) {
                            String n = part.toString();
                            if (n.startsWith(".") || n.startsWith("_")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /** All regular files, hidden ones too, sorted. */
    static List<String> allFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
