package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.InvalidTypesException;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FieldAccessorsTest {

    record WordCount(String word, Long count) {}

    record Located(String name, WordCount stats) {}

    /** A POJO with a private field behind getter/setter and a public field. */
    public static class Counter {
        private long total;
        public String name;

        public Counter() {}

        public long getTotal() {
            return total;
        }

        public void setTotal(long total) {
            this.total = total;
        }
    }

    private static final TypeInformation<Tuple2<String, Long>> TUPLE = Types.TUPLE(Types.STRING, Types.LONG);

    @Test
    void tupleFieldByPositionAndByName() {
        Tuple2<String, Long> t = Tuple2.of("a", 1L);
        FieldAccessor<Tuple2<String, Long>, Long> byPos = FieldAccessors.forPosition(TUPLE, 1);
        assertThat(byPos.get(t)).isEqualTo(1L);
        assertThat(byPos.set(t, 5L)).isSameAs(t);
        assertThat(t.f1).isEqualTo(5L);
        assertThat(byPos.getFieldType()).isSameAs(Types.LONG);
        FieldAccessor<Tuple2<String, Long>, String> byName = FieldAccessors.forName(TUPLE, "f0");
        assertThat(byName.get(t)).isEqualTo("a");
    }

    @Test
    void basicTypePositionZeroIsTheValueItself() {
        FieldAccessor<Long, Long> self = FieldAccessors.forPosition(Types.LONG, 0);
        assertThat(self.get(7L)).isEqualTo(7L);
        assertThat(self.set(7L, 9L)).isEqualTo(9L);
        assertThatThrownBy(() -> FieldAccessors.forPosition(Types.LONG, 1))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessage("Position 1 is not valid for type Long: it is not a tuple or record, so only position 0 "
                        + "(the value itself) exists");
    }

    @Test
    void recordComponentSetReturnsANewRecord() {
        TypeInformation<WordCount> type = TypeExtractor.createTypeInfo(WordCount.class);
        WordCount wc = new WordCount("w", 2L);
        FieldAccessor<WordCount, Long> count = FieldAccessors.forName(type, "count");
        assertThat(count.get(wc)).isEqualTo(2L);
        WordCount updated = count.set(wc, 3L);
        assertThat(updated).isEqualTo(new WordCount("w", 3L));
        assertThat(wc).isEqualTo(new WordCount("w", 2L));
        FieldAccessor<WordCount, String> byPos = FieldAccessors.forPosition(type, 0);
        assertThat(byPos.get(wc)).isEqualTo("w");
    }

    @Test
    void pojoFieldsThroughGettersAndPublicFields() {
        TypeInformation<Counter> type = TypeExtractor.createTypeInfo(Counter.class);
        Counter c = new Counter();
        c.setTotal(4);
        c.name = "n";
        FieldAccessor<Counter, Long> total = FieldAccessors.forName(type, "total");
        assertThat(total.get(c)).isEqualTo(4L);
        assertThat(total.set(c, 10L)).isSameAs(c);
        assertThat(c.getTotal()).isEqualTo(10L);
        FieldAccessor<Counter, String> name = FieldAccessors.forName(type, "name");
        assertThat(name.set(c, "m").name).isEqualTo("m");
        assertThatThrownBy(() -> FieldAccessors.forPosition(type, 0))
                .hasMessageContaining(
                        "cannot be addressed by position 0: use the field name instead; available: " + "name, total");
    }

    @Test
    void nestedFieldExpressionRebuildsEnclosingRecords() {
        TypeInformation<Located> type = TypeExtractor.createTypeInfo(Located.class);
        Located l = new Located("x", new WordCount("w", 1L));
        FieldAccessor<Located, Long> count = FieldAccessors.forName(type, "stats.count");
        assertThat(count.get(l)).isEqualTo(1L);
        assertThat(count.set(l, 8L)).isEqualTo(new Located("x", new WordCount("w", 8L)));
        assertThat(count.getFieldType()).isSameAs(Types.LONG);
    }

    @Test
    void unknownFieldErrorNamesTheTypeAndTheAvailableFields() {
        TypeInformation<WordCount> type = TypeExtractor.createTypeInfo(WordCount.class);
        assertThatThrownBy(() -> FieldAccessors.forName(type, "cnt"))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessage("Field 'cnt' does not exist in type WordCount(word: String, count: Long); available: "
                        + "word, count");
        assertThatThrownBy(() -> FieldAccessors.forPosition(TUPLE, 2))
                .hasMessage("Position 2 is not a field of Tuple2<String, Long>: valid positions are 0 to 1");
    }

    @Test
    void accessorsSurviveJavaSerialization() {
        TypeInformation<Counter> type = TypeExtractor.createTypeInfo(Counter.class);
        FieldAccessor<Counter, Long> total = SerializerTestUtil.javaCopy(FieldAccessors.forName(type, "total"));
        Counter c = new Counter();
        c.setTotal(3);
        assertThat(total.get(c)).isEqualTo(3L);
    }

    @Test
    void numericFieldsAddAndCompare() {
        assertThat(NumericFields.add(1L, 2L)).isEqualTo(3L);
        assertThat(NumericFields.add(1, 2)).isEqualTo(3);
        assertThat(NumericFields.add((short) 1, (short) 2)).isEqualTo((short) 3);
        assertThat(NumericFields.add((byte) 1, (byte) 2)).isEqualTo((byte) 3);
        assertThat(NumericFields.add(0.5, 0.25)).isEqualTo(0.75);
        assertThat(NumericFields.add(0.5f, 0.25f)).isEqualTo(0.75f);
        assertThat(NumericFields.add(new BigDecimal("1.5"), BigDecimal.ONE)).isEqualTo(new BigDecimal("2.5"));
        assertThat(NumericFields.compare("a", "b")).isNegative();
        assertThat(NumericFields.compare(5L, 5L)).isZero();
        assertThat(NumericFields.isSummable(Types.LONG)).isTrue();
        assertThat(NumericFields.isSummable(Types.STRING)).isFalse();
        assertThatThrownBy(() -> NumericFields.add(1L, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot add Long 1 and Integer 1");
    }
}
