package io.sluice.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.typeinfo.Types;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateDescriptorTest {

    @Test
    void descriptorsCarryNameKindAndTypes() {
        ValueStateDescriptor<Long> value = new ValueStateDescriptor<>("v", Long.class);
        assertThat(value.getName()).isEqualTo("v");
        assertThat(value.getType()).isEqualTo(StateDescriptor.Type.VALUE);
        assertThat(value.getTypeInformation()).isEqualTo(Types.LONG);

        ListStateDescriptor<String> list = new ListStateDescriptor<>("l", Types.STRING);
        assertThat(list.getType()).isEqualTo(StateDescriptor.Type.LIST);
        assertThat(list.getElementTypeInformation()).isEqualTo(Types.STRING);

        MapStateDescriptor<String, Integer> map = new MapStateDescriptor<>("m", String.class, Integer.class);
        assertThat(map.getType()).isEqualTo(StateDescriptor.Type.MAP);
        assertThat(map.getKeyTypeInformation()).isEqualTo(Types.STRING);
        assertThat(map.getValueTypeInformation()).isEqualTo(Types.INT);
        assertThat(map.getTypeInformation()).isEqualTo(Types.MAP(Types.STRING, Types.INT));

        ReduceFunction<Long> sum = Long::sum;
        ReducingStateDescriptor<Long> reducing = new ReducingStateDescriptor<>("r", sum, Long.class);
        assertThat(reducing.getType()).isEqualTo(StateDescriptor.Type.REDUCING);
        assertThat(reducing.getReduceFunction()).isSameAs(sum);
    }

    @Test
    void descriptorsWithTheSameNameAndClassAreEqual() {
        assertThat(new ValueStateDescriptor<>("v", Long.class)).isEqualTo(new ValueStateDescriptor<>("v", Types.LONG));
        assertThat(new ValueStateDescriptor<>("v", Long.class))
                .isNotEqualTo(new ListStateDescriptor<>("v", Long.class));
    }

    @Test
    void nullNameOrFunction_failsNamingTheState() {
        assertThatThrownBy(() -> new ValueStateDescriptor<>(null, Long.class))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("State name must not be null");
        assertThatThrownBy(() -> new ReducingStateDescriptor<>("r", null, Long.class))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ReduceFunction of reducing state 'r' is null");
    }

    @Test
    void ttlMustBePositive() {
        assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("State TTL must be positive but is PT0S; pass a duration of at least 1 ms");
    }

    @Test
    void enableTimeToLive_isVisibleOnTheDescriptor() {
        ValueStateDescriptor<Long> value = new ValueStateDescriptor<>("v", Long.class);
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMinutes(1))
                .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)
                .build();
        value.enableTimeToLive(ttl);
        assertThat(value.getTtlConfig()).isSameAs(ttl);
        assertThat(ttl.toString())
                .isEqualTo("StateTtlConfig{ttl=PT1M, updateType=OnReadAndWrite,"
                        + " visibility=ReturnExpiredIfNotCleanedUp, cleanupFullSnapshot=false}");
    }
}
