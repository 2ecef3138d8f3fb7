/** Runtime utilities: ids, serialized values and exceptions that cross class-loader and process boundaries. */
package io.sluice.runtime.util;
