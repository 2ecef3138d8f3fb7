/**
 * Serializers for single values: primitives and their boxes, strings, big numbers, time values,
 * enums and arrays. Stateless ones are singletons ({@code INSTANCE}) whose {@code duplicate()}
 * returns {@code this}.
 */
package io.sluice.api.typeutils.base;
