package io.sluice.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionIndexTest {
    private static final EventTimeSessionWindows SESSIONS = EventTimeSessionWindows.withGap(Duration.ofMillis(10));

    /** Records each merge as "merged absorbed namespace moved". */
    private final List<String> merges = new ArrayList<>();

    private final SessionIndex.MergeListener<TimeWindow> recorder = (merged, absorbed, namespace, moved) ->
            merges.add(w(merged) + " " + ws(absorbed) + " " + w(namespace) + " " + ws(moved));

    private static TimeWindow tw(long start, long end) {
        return new TimeWindow(start, end);
    }

    private static String w(TimeWindow window) {
        return "[" + window.getStart() + "," + window.getEnd() + ")";
    }

    private static String ws(List<TimeWindow> windows) {
        return windows.stream().map(SessionIndexTest::w).toList().toString();
    }

    private TimeWindow insert(SessionIndex<TimeWindow> index, TimeWindow window) throws Exception {
        return index.insert(window, SESSIONS, recorder);
    }

    @Test
    void aWindowThatTouchesNothing_isItsOwnNamespace_andNothingMerges() throws Exception {
        SessionIndex<TimeWindow> index = new SessionIndex<>(null);
        assertThat(index.isEmpty()).isTrue();

        assertThat(insert(index, tw(0, 10))).isEqualTo(tw(0, 10));
        assertThat(insert(index, tw(30, 40))).isEqualTo(tw(30, 40));

        assertThat(merges).isEmpty();
        assertThat(index.namespaceOf(tw(0, 10))).isEqualTo(tw(0, 10));
        assertThat(index.namespaceOf(tw(30, 40))).isEqualTo(tw(30, 40));
        assertThat(index.asMap()).hasSize(2);
    }

    @Test
    void anOverlappingWindow_growsTheSession_whichKeepsItsNamespace() throws Exception {
        SessionIndex<TimeWindow> index = new SessionIndex<>(null);
        insert(index, tw(0, 10));

        assertThat(insert(index, tw(5, 15))).isEqualTo(tw(0, 15));

        assertThat(merges).containsExactly("[0,15) [[0,10)] [0,10) []");
        assertThat(index.asMap()).containsExactly(Map.entry(tw(0, 15), tw(0, 10)));
        assertThat(index.namespaceOf(tw(0, 10))).isNull();
    }

    @Test
    void aBridgingWindow_joinsTwoSessions_intoTheEarlierOnesNamespace() throws Exception {
        SessionIndex<TimeWindow> index = new SessionIndex<>(null);
        insert(index, tw(20, 30));
        insert(index, tw(0, 10));

        assertThat(insert(index, tw(10, 20))).isEqualTo(tw(0, 30));

        assertThat(merges).containsExactly("[0,30) [[0,10), [20,30)] [0,10) [[20,30)]");
        assertThat(index.asMap()).containsExactly(Map.entry(tw(0, 30), tw(0, 10)));
    }

    @Test
    void aWindowInsideALiveSession_landsInIt_withoutAMerge() throws Exception {
        SessionIndex<TimeWindow> index = new SessionIndex<>(null);
        insert(index, tw(0, 10));
        insert(index, tw(5, 15));
        merges.clear();

        assertThat(insert(index, tw(2, 12))).isEqualTo(tw(0, 15));

        assertThat(merges).isEmpty();
        assertThat(index.namespaceOf(tw(0, 15))).isEqualTo(tw(0, 10));
        assertThat(index.asMap()).hasSize(1);
    }

    @Test
    void aWindowEqualToALiveSession_landsInIt_andKeepsThatSessionsNamespace() throws Exception {
        SessionIndex<TimeWindow> index = new SessionIndex<>(null);
        insert(index, tw(0, 10));
        insert(index, tw(5, 15));
        merges.clear();

        assertThat(insert(index, tw(0, 15))).isEqualTo(tw(0, 15));

        assertThat(merges).isEmpty();
        assertThat(index.namespaceOf(tw(0, 15))).isEqualTo(tw(0, 10));
    }

    @Test
    void aWindowThatCoversALiveSession_absorbsIt() throws Exception {
        SessionIndex<TimeWindow> index = new SessionIndex<>(null);
        insert(index, tw(5, 15));

        assertThat(insert(index, tw(0, 20))).isEqualTo(tw(0, 20));

        assertThat(merges).containsExactly("[0,20) [[5,15)] [5,15) []");
        assertThat(index.namespaceOf(tw(0, 20))).isEqualTo(tw(5, 15));
    }

    @Test
    void theIndexWorksOnTheStoredMap_andRemovingTheLastWindowEmptiesIt() throws Exception {
        LinkedHashMap<TimeWindow, TimeWindow> stored = new LinkedHashMap<>();
        stored.put(tw(0, 15), tw(0, 10));
        SessionIndex<TimeWindow> index = new SessionIndex<>(stored);

        assertThat(insert(index, tw(12, 22))).isEqualTo(tw(0, 22));
        assertThat(index.asMap()).isSameAs(stored);
        assertThat(stored).containsExactly(Map.entry(tw(0, 22), tw(0, 10)));

        index.remove(tw(0, 22));
        assertThat(index.isEmpty()).isTrue();
    }
}
