package io.sluice.api.typeinfo;

import io.sluice.api.functions.Function;
import io.sluice.api.tuple.Tuple;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * Derives {@link TypeInformation} from classes, generic signatures, values, function classes and
 * serializable lambdas.
 *
 * <p>Order of analysis: basic types (String, boxed primitives, BigInteger/BigDecimal, Instant,
 * LocalDate, Void), arrays, enums, {@code List}/{@code ArrayList}, {@code Map}/{@code HashMap}/
 * {@code LinkedHashMap}, {@code Optional}, tuples, records, POJOs; anything else falls back to
 * {@link GenericTypeInfo} (Fory) with the reason, which is logged once when its serializer is
 * created. Stateless; any thread.
 */
public final class TypeExtractor {
    private TypeExtractor() {}

    /** The type information of a class. Raw generic classes other than tuples fall back to generic. */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> createTypeInfo(Class<T> type) {
        return (TypeInformation<T>) createTypeInfo((Type) type);
    }

    /**
     * The type information of a reflective type, e.g. the {@code ParameterizedType} of {@code
     * Tuple2<String, Long>} or {@code List<MyRecord>}.
     *
     * @throws InvalidTypesException for a bare type variable or a tuple whose field types are unknown
     */
    public static TypeInformation<?> createTypeInfo(Type type) {
        if (type == null) {
            throw new InvalidTypesException("Cannot create type information for null");
        }
        if (type instanceof TypeVariable<?> v) {
            throw new InvalidTypesException("Type variable " + v.getName() + " cannot be turned into a type: Java "
                    + "erases it at runtime. Pass a concrete type, e.g. new TypeHint<List<String>>(){}.");
        }
        try {
            return new TypeAnalyzer().analyze(type);
        } catch (TypeAnalyzer.Unresolved e) {
            Class<?> raw = TypeAnalyzer.rawClass(type);
            if (Tuple.class.isAssignableFrom(raw)) {
                throw new InvalidTypesException("The field types of " + TypeAnalyzer.describe(type)
                        + " cannot be determined: " + e.getMessage() + ". Use Types.TUPLE(...) or "
                        + "new TypeHint<Tuple2<String, Long>>(){} to give them.");
            }
            return new GenericTypeInfo<>(raw, e.getMessage());
        }
    }

    /**
     * The type argument {@code typeArgIndex} of {@code baseClass} as bound by {@code subclass}, e.g.
     * the {@code String} in {@code new OutputTag<String>("late"){}}.
     *
     * @throws InvalidTypesException if the argument is not bound in the class hierarchy
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> createTypeInfoFromSubclass(
            Class<?> subclass, Class<?> baseClass, int typeArgIndex) {
        Type[] args = TypeAnalyzer.typeArgumentsOf(subclass, baseClass);
        if (args == null || typeArgIndex < 0 || typeArgIndex >= args.length) {
            throw new IllegalArgumentException(subclass.getName() + " does not extend " + baseClass.getName()
                    + " with a type argument at index " + typeArgIndex);
        }
        String advice = " Create it as an anonymous subclass that names the type, e.g. new " + baseClass.getSimpleName()
                + "<String>(...){}, or pass the TypeInformation explicitly.";
        if (args[typeArgIndex] instanceof TypeVariable<?> v) {
            throw new InvalidTypesException("The type argument " + v.getName() + " of " + baseClass.getSimpleName()
                    + " cannot be determined from " + subclass.getName() + ": Java erases it." + advice);
        }
        try {
            return (TypeInformation<T>) new TypeAnalyzer().analyze(args[typeArgIndex]);
        } catch (TypeAnalyzer.Unresolved e) {
            throw new InvalidTypesException("The type argument " + TypeAnalyzer.describe(args[typeArgIndex]) + " of "
                    + baseClass.getSimpleName() + " cannot be determined: " + e.getMessage() + "." + advice);
        }
    }

    /**
     * The type of a value: its class, except that tuples take their field types from their field
     * values (fields must not be null) and enum constants with bodies map to their enum.
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> getForObject(T value) {
        if (value == null) {
            throw new InvalidTypesException("Cannot determine the type of a null value: give the type explicitly.");
        }
        if (value instanceof Tuple t) {
            TypeInformation<?>[] fields = new TypeInformation<?>[t.getArity()];
            for (int i = 0; i < fields.length; i++) {
                Object field = t.getField(i);
                if (field == null) {
                    throw new InvalidTypesException("Field f" + i + " of the tuple " + t + " is null, so its type "
                            + "cannot be determined from the value. Tuple fields must not be null; give the type "
                            + "explicitly, e.g. Types.TUPLE(...).");
                }
                fields[i] = getForObject(field);
            }
            if (Tuple.getTupleClass(fields.length) == t.getClass()) {
                return (TypeInformation<T>) TupleTypeInfo.of(fields);
            }
            return (TypeInformation<T>) createTypeInfo(t.getClass());
        }
        if (value instanceof Enum<?> e) {
            return (TypeInformation<T>) createTypeInfo(e.getDeclaringClass());
        }
        return (TypeInformation<T>) createTypeInfo(value.getClass());
    }

    /**
     * The output type of a user function.
     *
     * <ul>
     *   <li>A class (directly, through abstract classes such as {@code RichMapFunction}, or generic
     *       superclasses): the type argument {@code outputTypeArgIndex} of {@code
     *       functionInterface} as bound in its hierarchy; type variables shared with inputs take the
     *       input's type ({@code class Id<T> implements MapFunction<T, T>}).
     *   <li>A lambda or method reference: the implementation method's return type, or for
     *       Collector-based functions the type argument of its Collector parameter, when that is a
     *       concrete type.
     * </ul>
     *
     * @param inputTypes {@code inputTypes[i]} is the type of {@code functionInterface}'s type
     *     argument {@code i}; entries may be null, and the one at {@code outputTypeArgIndex} is
     *     ignored
     * @return the type, or a {@link MissingTypeInfo} naming the operator and the reason when it
     *     cannot be determined
     */
    @SuppressWarnings("unchecked")
    public static <OUT> TypeInformation<OUT> getOutputType(
            Function function,
            Class<?> functionInterface,
            int outputTypeArgIndex,
            TypeInformation<?>[] inputTypes,
            String operatorName) {
        return (TypeInformation<OUT>)
                FunctionTypes.outputType(function, functionInterface, outputTypeArgIndex, inputTypes, operatorName);
    }

    /** The POJO type of a class, or an error saying why it is not a POJO. */
    @SuppressWarnings("unchecked")
    public static <T> PojoTypeInfo<T> createPojoTypeInfo(Class<T> type) {
        String why = TypeAnalyzer.whyNotPojo(type);
        if (why == null && !type.isRecord() && !Tuple.class.isAssignableFrom(type)) {
            TypeInformation<T> info = createTypeInfo(type);
            if (info instanceof PojoTypeInfo<T> pojo) {
                return pojo;
            }
        }
        throw new InvalidTypesException(type.getName() + " is not a POJO: "
                + (why != null ? why : "it is a record, tuple or basic type; use the matching Types method")
                + ". A POJO is a public class with a public no-argument constructor whose fields are public or have "
                + "public getters and setters.");
    }

    /** The record type of a record class. */
    @SuppressWarnings("unchecked")
    public static <T> RecordTypeInfo<T> createRecordTypeInfo(Class<T> type) {
        if (!type.isRecord()) {
            throw new InvalidTypesException(
                    type.getName() + " is not a record class; use Types.POJO or Types.GENERIC.");
        }
        TypeInformation<T> info = createTypeInfo(type);
        if (info instanceof RecordTypeInfo<T> record) {
            return record;
        }
        throw new InvalidTypesException("Record " + type.getName() + " cannot be analysed: "
                + (info instanceof GenericTypeInfo<?> g ? g.getFallbackReason() : info.toString()));
    }
}
