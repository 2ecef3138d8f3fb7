/** Descriptors the JobMaster sends to TaskManagers to deploy a subtask: partitions, input gates, channels. */
package io.sluice.runtime.deployment;
