package io.sluice.api.typeutils;

import static io.sluice.api.typeutils.SerializerTestUtil.bytes;
import static io.sluice.api.typeutils.SerializerTestUtil.javaCopy;
import static io.sluice.api.typeutils.SerializerTestUtil.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.tuple.Tuple3;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeHint;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.typeutils.base.LongSerializer;
import io.sluice.api.typeutils.base.StringSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SerializerRoundTripTest {

    private static final ExecutionConfig CONFIG = new ExecutionConfig();

    enum Color {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "green";
            }
        },
        BLUE
    }

    record Point(int x, int y) {}

    record Line(Point from, Point to, String label) {}

    record Tagged(String tag, Long count, double weight, List<String> notes, Color color) {}

    /** A POJO with private fields, getters and setters. */
    public static class Person {
        private String name;
        private int age;
        private boolean active;
        private Person friend;

        public Person() {}

        public Person(String name, int age, boolean active) {
            this.name = name;
            this.age = age;
            this.active = active;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public Person getFriend() {
            return friend;
        }

        public void setFriend(Person friend) {
            this.friend = friend;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Person p
                    && Objects.equals(name, p.name)
                    && age == p.age
                    && active == p.active
                    && Objects.equals(friend, p.friend);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age, active);
        }

        @Override
        public String toString() {
            return "Person(" + name + "," + age + "," + active + "," + friend + ")";
        }
    }

    /** A POJO with public fields. */
    public static class WordCount {
        public String word;
        public long count;
        public Point where;

        public WordCount() {}

        public WordCount(String word, long count, Point where) {
            this.word = word;
            this.count = count;
            this.where = where;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WordCount w
                    && Objects.equals(word, w.word)
                    && count == w.count
                    && Objects.equals(where, w.where)
                    && o.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, count);
        }
    }

    public static class SpecialWordCount extends WordCount {
        public String extra;

        public SpecialWordCount() {}

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && Objects.equals(extra, ((SpecialWordCount) o).extra);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    /** Not a POJO (final field, no no-arg constructor): generic. */
    public static final class Money {
        private final String currency;
        private final long cents;

        public Money(String currency, long cents) {
            this.currency = currency;
            this.cents = cents;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && m.currency.equals(currency) && m.cents == cents;
        }

        @Override
        public int hashCode() {
            return Objects.hash(currency, cents);
        }
    }

    private static <T> void assertRoundTrip(TypeInformation<T> type, T value) {
        TypeSerializer<T> serializer = type.createSerializer(CONFIG);
        assertThat(roundTrip(serializer, value)).isEqualTo(value);
        // also after the serializer travelled through Java serialization, and on a duplicate
        assertThat(roundTrip(javaCopy(serializer), value)).isEqualTo(value);
        assertThat(roundTrip(serializer.duplicate(), value)).isEqualTo(value);
    }

    @Test
    void basicTypesRoundTripIncludingEdgeValues() {
        for (long v : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
            assertRoundTrip(Types.LONG, v);
        }
        for (int v : new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}) {
            assertRoundTrip(Types.INT, v);
        }
        assertRoundTrip(Types.SHORT, Short.MIN_VALUE);
        assertRoundTrip(Types.BYTE, Byte.MAX_VALUE);
        assertRoundTrip(Types.BOOLEAN, true);
        assertRoundTrip(Types.BOOLEAN, false);
        assertRoundTrip(Types.CHAR, '\uffff');
        assertRoundTrip(Types.FLOAT, Float.NaN);
        assertRoundTrip(Types.FLOAT, -0.0f);
        assertRoundTrip(Types.DOUBLE, Double.NEGATIVE_INFINITY);
        assertRoundTrip(Types.DOUBLE, Double.MIN_VALUE);
        assertRoundTrip(Types.VOID, null);
        assertRoundTrip(Types.BIG_INT, new BigInteger("-123456789012345678901234567890"));
        assertRoundTrip(Types.BIG_INT, BigInteger.ZERO);
        assertRoundTrip(Types.BIG_DEC, new BigDecimal("-12345.678900"));
        assertRoundTrip(Types.INSTANT, Instant.ofEpochSecond(-5, 999_999_999));
        assertRoundTrip(Types.LOCAL_DATE, LocalDate.of(1969, 12, 31));
    }

    @Test
    void fixedLengthSerializersWriteExactlyTheirLength() {
        assertThat(bytes(LongSerializer.INSTANCE, Long.MIN_VALUE)).containsExactly(0x80, 0, 0, 0, 0, 0, 0, 0);
        assertThat(LongSerializer.INSTANCE.getLength()).isEqualTo(8);
        assertThat(LongSerializer.INSTANCE.duplicate()).isSameAs(LongSerializer.INSTANCE);
    }

    @Test
    void stringsRoundTripIncludingSurrogatesNulCharsAndNull() {
        String[] values = {
            "",
            "a",
            "hello world",
            "\0",
            "a\0b",
            "Grüße, 世界",
            "emoji \uD83D\uDE00 pair",
            "lone high \uD800 and low \uDC00 surrogates",
            "\u007f\u0080\u07ff\u0800\uffff",
            "x".repeat(300),
            "é".repeat(70_000),
            null
        };
        StringSerializer serializer = new StringSerializer();
        for (String s : values) {
            assertThat(roundTrip(serializer, s)).isEqualTo(s);
        }
    }

    @Test
    void stringFormatIsVarintHeaderThenAsciiBytesOrVarintChars() {
        StringSerializer serializer = new StringSerializer();
        // header (len << 1 | ascii) + 1 = (2 << 1 | 1) + 1 = 6
        assertThat(bytes(serializer, "hi")).containsExactly(6, 'h', 'i');
        // non-ASCII: header (1 << 1 | 0) + 1 = 3, then 'é' = 0xE9 as varint: 0xE9, 0x01
        assertThat(bytes(serializer, "é")).containsExactly(3, 0xE9, 0x01);
        assertThat(bytes(serializer, null)).containsExactly(0);
        // the empty string is ASCII: (0 << 1 | 1) + 1 = 2
        assertThat(bytes(serializer, "")).containsExactly(2);
    }

    @Test
    void equalValuesSerializeToEqualBytes() {
        TypeSerializer<Line> lines = TypeExtractor.createTypeInfo(Line.class).createSerializer(CONFIG);
        assertThat(bytes(lines, new Line(new Point(1, 2), new Point(3, 4), new String("l"))))
                .isEqualTo(bytes(lines, new Line(new Point(1, 2), new Point(3, 4), "l")));
        TypeSerializer<Person> persons =
                TypeExtractor.createTypeInfo(Person.class).createSerializer(CONFIG);
        assertThat(bytes(persons, new Person("ann", 3, true)))
                .isEqualTo(bytes(persons, new Person(new String("ann"), 3, true)));
    }

    @Test
    void primitiveAndObjectArraysRoundTrip() {
        @SuppressWarnings("unchecked")
        TypeInformation<byte[]> byteArray = (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE);
        assertThat(roundTrip(byteArray.createSerializer(CONFIG), new byte[] {1, -1}))
                .containsExactly(1, -1);
        assertArray(TypeExtractor.createTypeInfo(byte[].class), new byte[0]);
        assertArray(TypeExtractor.createTypeInfo(long[].class), new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE});
        assertArray(TypeExtractor.createTypeInfo(int[].class), new int[] {1, 2, 3});
        assertArray(TypeExtractor.createTypeInfo(short[].class), new short[] {-1});
        assertArray(TypeExtractor.createTypeInfo(char[].class), new char[] {'a', '\uD800'});
        assertArray(TypeExtractor.createTypeInfo(boolean[].class), new boolean[] {true, false});
        assertArray(TypeExtractor.createTypeInfo(float[].class), new float[] {1.5f});
        assertArray(TypeExtractor.createTypeInfo(double[].class), new double[] {Double.NaN});
        TypeSerializer<String[]> strings = Types.OBJECT_ARRAY(Types.STRING).createSerializer(CONFIG);
        assertThat(roundTrip(strings, new String[] {"a", null, ""})).containsExactly("a", null, "");
        assertThat(roundTrip(strings, new String[0])).isEmpty();
        TypeSerializer<Point[]> points =
                TypeExtractor.createTypeInfo(Point[].class).createSerializer(CONFIG);
        assertThat(roundTrip(points, new Point[] {new Point(1, 2)})).containsExactly(new Point(1, 2));
    }

    private static <T> void assertArray(TypeInformation<T> type, T array) {
        T result = roundTrip(type.createSerializer(CONFIG), array);
        assertThat(Arrays.deepEquals(new Object[] {result}, new Object[] {array}))
                .as("round trip of %s", type)
                .isTrue();
    }

    @Test
    void enumsRoundTripByOrdinalIncludingConstantsWithBodies() {
        TypeInformation<Color> type = TypeExtractor.createTypeInfo(Color.class);
        assertRoundTrip(type, Color.RED);
        assertRoundTrip(type, Color.GREEN);
        assertThat(bytes(type.createSerializer(CONFIG), Color.BLUE)).containsExactly(2);
        assertThat(TypeExtractor.getForObject(Color.GREEN)).isEqualTo(type);
    }

    @Test
    void tuplesRoundTripIncludingNestedTuples() {
        TypeInformation<Tuple2<String, Long>> flat = new TypeHint<Tuple2<String, Long>>() {}.getTypeInfo();
        assertRoundTrip(flat, Tuple2.of("word", Long.MIN_VALUE));
        assertRoundTrip(flat, Tuple2.of("", 0L));
        TypeInformation<Tuple3<Tuple2<String, Long>, Integer, List<String>>> nested =
                new TypeHint<Tuple3<Tuple2<String, Long>, Integer, List<String>>>() {}.getTypeInfo();
        assertRoundTrip(nested, Tuple3.of(Tuple2.of("a", 1L), 2, List.of("x", "y")));
        assertThat(bytes(flat.createSerializer(CONFIG), Tuple2.of("a", 1L)))
                .containsExactly(4, 'a', 0, 0, 0, 0, 0, 0, 0, 1);
    }

    public static class WordCountTuple extends Tuple2<String, Long> {
        public WordCountTuple() {}

        public WordCountTuple(String word, Long count) {
            super(word, count);
        }
    }

    @Test
    void tupleSubclassRoundTripsAsItsOwnClass() {
        TypeInformation<WordCountTuple> type = Types.TUPLE(WordCountTuple.class);
        WordCountTuple back = roundTrip(type.createSerializer(CONFIG), new WordCountTuple("w", 2L));
        assertThat(back).isInstanceOf(WordCountTuple.class).isEqualTo(new WordCountTuple("w", 2L));
        assertThat(roundTrip(javaCopy(type.createSerializer(CONFIG)), new WordCountTuple("v", 1L)))
                .isInstanceOf(WordCountTuple.class);
    }

    @Test
    void tupleWithNullFieldFailsNamingTheField() {
        TypeSerializer<Tuple2<String, Long>> serializer =
                new TypeHint<Tuple2<String, Long>>() {}.getTypeInfo().createSerializer(CONFIG);
        assertThatThrownBy(() -> bytes(serializer, Tuple2.of("a", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Field f1 of Tuple2<String, Long> is null, but tuple fields must not be null. Set the "
                        + "field, or use a record or POJO (they allow null fields) or an Optional.");
    }

    @Test
    void recordsRoundTripIncludingNestedRecordsAndNullComponents() {
        assertRoundTrip(TypeExtractor.createTypeInfo(Point.class), new Point(Integer.MIN_VALUE, 7));
        TypeInformation<Line> lines = TypeExtractor.createTypeInfo(Line.class);
        assertRoundTrip(lines, new Line(new Point(1, 2), new Point(3, 4), "l"));
        assertRoundTrip(lines, new Line(null, new Point(3, 4), null));
        TypeInformation<Tagged> tagged = TypeExtractor.createTypeInfo(Tagged.class);
        assertRoundTrip(tagged, new Tagged("t", 5L, 0.5, List.of("n1"), Color.BLUE));
        assertRoundTrip(tagged, new Tagged(null, null, -0.0, null, null));
        // Point has only primitive components: no null mask, 8 bytes
        assertThat(bytes(TypeExtractor.createTypeInfo(Point.class).createSerializer(CONFIG), new Point(1, 2)))
                .containsExactly(0, 0, 0, 1, 0, 0, 0, 2);
    }

    @Test
    void pojosWithGettersAndSettersRoundTripIncludingNullsAndNesting() {
        TypeInformation<Person> type = TypeExtractor.createTypeInfo(Person.class);
        assertThat(type.toString())
                .isEqualTo("Person(active: Boolean, age: Integer, friend: GenericType<" + Person.class.getName()
                        + ">, name: String)");
        Person p = new Person("ann", 41, true);
        p.setFriend(new Person("bob", 40, false));
        assertRoundTrip(type, p);
        assertRoundTrip(type, new Person(null, 0, false));
    }

    @Test
    void pojosWithPublicFieldsRoundTripAndDeserializeIntoReuse() throws Exception {
        TypeInformation<WordCount> type = TypeExtractor.createTypeInfo(WordCount.class);
        assertThat(type.toString())
                .isEqualTo("WordCount(count: Long, where: Point(x: Integer, y: Integer), word: " + "String)");
        WordCount wc = new WordCount("w", 3, new Point(1, 1));
        assertRoundTrip(type, wc);
        TypeSerializer<WordCount> serializer = type.createSerializer(CONFIG);
        WordCount reuse = new WordCount();
        WordCount result = serializer.deserialize(reuse, new DataInputDeserializer(bytes(serializer, wc)));
        assertThat(result).isSameAs(reuse).isEqualTo(wc);
    }

    @Test
    void pojoSubclassValuesFallBackToForyInsideThePojoSerializer() {
        TypeInformation<WordCount> type = TypeExtractor.createTypeInfo(WordCount.class);
        SpecialWordCount special = new SpecialWordCount();
        special.word = "s";
        special.count = 9;
        special.extra = "more";
        assertRoundTrip(type, special);
        ExecutionConfig strict = new ExecutionConfig();
        strict.disableGenericTypes();
        TypeSerializer<WordCount> serializer = type.createSerializer(strict);
        assertThatThrownBy(() -> bytes(serializer, special))
                .hasMessageContaining("A subclass of POJO " + WordCount.class.getName())
                .hasMessageContaining("generic types are disabled");
    }

    @Test
    void listsMapsAndOptionalsRoundTrip() {
        TypeInformation<List<String>> list = Types.LIST(Types.STRING);
        assertRoundTrip(list, List.of("a", "b"));
        assertRoundTrip(list, new ArrayList<>(Arrays.asList("a", null)));
        assertRoundTrip(list, new LinkedList<>(List.of("x")));
        assertRoundTrip(list, List.of());
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("z", 1L);
        map.put("a", null);
        assertRoundTrip(Types.MAP(Types.STRING, Types.LONG), map);
        Map<String, Long> back = roundTrip(Types.MAP(Types.STRING, Types.LONG).createSerializer(CONFIG), map);
        assertThat(back.keySet()).containsExactly("z", "a");
        TypeInformation<Optional<Point>> optional = Types.OPTIONAL(TypeExtractor.createTypeInfo(Point.class));
        assertRoundTrip(optional, Optional.of(new Point(1, 2)));
        assertRoundTrip(optional, Optional.empty());
        TypeInformation<Map<String, List<Point>>> nested = new TypeHint<Map<String, List<Point>>>() {}.getTypeInfo();
        assertRoundTrip(nested, Map.of("k", List.of(new Point(5, 6))));
    }

    @Test
    void genericFallbackRoundTripsWithFory() {
        TypeInformation<Money> type = TypeExtractor.createTypeInfo(Money.class);
        assertThat(type.toString()).isEqualTo("GenericType<" + Money.class.getName() + ">");
        assertRoundTrip(type, new Money("EUR", 1234));
        TypeInformation<UUID> uuid = TypeExtractor.createTypeInfo(UUID.class);
        UUID id = new UUID(1, 2);
        assertRoundTrip(uuid, id);
        TypeSerializer<Money> serializer = type.createSerializer(CONFIG);
        for (int i = 0; i < 3; i++) {
            assertThat(roundTrip(serializer, new Money("USD", i))).isEqualTo(new Money("USD", i));
        }
        assertThat(bytes(serializer, new Money("EUR", 1))).isEqualTo(bytes(serializer, new Money("EUR", 1)));
    }

    @Test
    void copyBetweenViewsReproducesTheBytes() throws Exception {
        TypeSerializer<Tuple2<String, Long>> serializer =
                new TypeHint<Tuple2<String, Long>>() {}.getTypeInfo().createSerializer(CONFIG);
        byte[] original = bytes(serializer, Tuple2.of("copy", 5L));
        DataOutputSerializer target = new DataOutputSerializer(4);
        serializer.copy(new DataInputDeserializer(original), target);
        assertThat(target.getCopyOfBuffer()).isEqualTo(original);
    }

    @Test
    void deepCopiesAreEqualButIndependent() {
        TypeSerializer<Person> serializer =
                TypeExtractor.createTypeInfo(Person.class).createSerializer(CONFIG);
        Person p = new Person("ann", 1, true);
        Person c = serializer.copy(p);
        assertThat(c).isEqualTo(p).isNotSameAs(p);
        TypeSerializer<Tuple2<String, Long>> tuples =
                new TypeHint<Tuple2<String, Long>>() {}.getTypeInfo().createSerializer(CONFIG);
        Tuple2<String, Long> t = Tuple2.of("a", 1L);
        assertThat(tuples.copy(t)).isEqualTo(t).isNotSameAs(t);
    }
}
