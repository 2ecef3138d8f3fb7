/** Services the runtime offers to user code running inside operators (processing time). */
package io.sluice.api.common.operators;
