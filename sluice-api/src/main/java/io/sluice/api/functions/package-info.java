/** User function interfaces and their rich variants: map, flatMap, filter, reduce, key selectors, partitioners, process functions. */
package io.sluice.api.functions;
