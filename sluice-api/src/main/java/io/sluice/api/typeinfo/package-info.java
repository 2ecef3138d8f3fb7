/**
 * Type descriptions ({@link io.sluice.api.typeinfo.TypeInformation} and its implementations), the
 * {@link io.sluice.api.typeinfo.Types} factory and the {@link io.sluice.api.typeinfo.TypeExtractor},
 * which derives types from classes, generic signatures and user functions (classes and lambdas).
 */
package io.sluice.api.typeinfo;
