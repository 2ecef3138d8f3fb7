/** Operator coordinators on the JobMaster and the events they exchange with operator subtasks. */
package io.sluice.runtime.operators.coordination;
