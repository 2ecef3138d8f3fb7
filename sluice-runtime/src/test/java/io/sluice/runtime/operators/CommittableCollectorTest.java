package io.sluice.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.connector.sink.Committer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommittableCollectorTest {
    /** Commits by writing down "name#retries"; the script says what to signal instead for a name. */
    private static final class ScriptedCommitter implements Committer<String> {
        final List<String> calls = new ArrayList<>();
        final Map<String, String> script;

        ScriptedCommitter(Map<String, String> script) {
            this.script = script;
        }

        @Override
        public void commit(Collection<CommitRequest<String>> requests) {
            List<String> call = new ArrayList<>();
            for (CommitRequest<String> r : requests) {
                call.add(r.getCommittable() + "#" + r.getNumberOfRetries());
                switch (script.getOrDefault(r.getCommittable(), "ok")) {
                    case "retry-once" -> {
                        if (r.getNumberOfRetries() == 0) {
                            r.retryLater();
                        }
                    }
                    case "update" -> r.updateAndRetryLater(r.getCommittable() + "'");
                    case "known" -> r.signalFailedWithKnownReason(new IOException("known"));
                    case "unknown" -> r.signalFailedWithUnknownReason(new IOException("boom " + r.getCommittable()));
                    case "already" -> r.signalAlreadyCommitted();
                    default -> {}
                }
            }
            calls.add(String.join(",", call));
        }

        @Override
        public void close() {}
    }

    @Test
    void commitsTheCheckpointsUpToTheCompletedOneInOrder() throws Exception {
        CommittableCollector<String> collector = new CommittableCollector<>();
        collector.add(2, List.of("c"));
        collector.add(1, List.of("a", "b"));
        collector.add(3, List.of("d"));
        ScriptedCommitter committer = new ScriptedCommitter(Map.of());
        collector.commitUpTo(2, committer, "sink");
        assertThat(committer.calls).containsExactly("a#0,b#0,c#0");
        assertThat(collector.pending())
                .extracting(CommittableCollector.Pending::committable)
                .containsExactly("d");
        collector.commitUpTo(2, committer, "sink"); // nothing due: the committer is not called
        assertThat(committer.calls).hasSize(1);
    }

    @Test
    void retriesComeBackAtTheNextCommitAndKnownFailuresAreDropped() throws Exception {
        CommittableCollector<String> collector = new CommittableCollector<>();
        collector.add(1, List.of("r", "u", "k", "x"));
        ScriptedCommitter committer = new ScriptedCommitter(
                new HashMap<>(Map.of("r", "retry-once", "k", "known", "x", "already", "u", "retry-once")));
        collector.commitUpTo(1, committer, "sink");
        collector.add(2, List.of("n"));
        assertThat(collector.pending())
                .extracting(p -> p.checkpointId() + ":" + p.committable() + "#" + p.retries())
                .containsExactly("1:r#1", "1:u#1", "2:n#0");
        committer.script.clear();
        collector.commitUpTo(2, committer, "sink");
        assertThat(committer.calls).containsExactly("r#0,u#0,k#0,x#0", "r#1,u#1,n#0");
        assertThat(collector.isEmpty()).isTrue();
    }

    @Test
    void updateAndRetryLaterReplacesTheCommittable() throws Exception {
        CommittableCollector<String> collector = new CommittableCollector<>();
        collector.add(1, List.of("v"));
        ScriptedCommitter committer = new ScriptedCommitter(new HashMap<>(Map.of("v", "update")));
        collector.commitUpTo(1, committer, "sink");
        assertThat(collector.pending())
                .extracting(p -> p.committable() + "#" + p.retries())
                .containsExactly("v'#1");
    }

    @Test
    void anUnknownFailureIsThrownAfterTheOthersWereHandled() throws Exception {
        CommittableCollector<String> collector = new CommittableCollector<>();
        collector.add(4, List.of("a", "bad", "b"));
        ScriptedCommitter committer = new ScriptedCommitter(Map.of("bad", "unknown"));
        assertThatThrownBy(() -> collector.commitUpTo(4, committer, "Sink 's' (s (1/1))"))
                .hasMessage("Sink 's' (s (1/1)): committing bad of checkpoint 4 failed: boom bad")
                .hasRootCauseMessage("boom bad");
        assertThat(collector.isEmpty()).isTrue();
    }
}
