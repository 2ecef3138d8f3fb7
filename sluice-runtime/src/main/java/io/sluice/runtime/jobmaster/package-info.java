/**
 * The JobMaster: one per job. It builds the ExecutionGraph, requests slots (one per parallel
 * pipeline of each slot sharing group), deploys the tasks, tracks their states, fails or cancels
 * the job, runs the job's operator coordinators and merges the accumulators into the
 * {@link io.sluice.runtime.dispatcher.JobResult}.
 */
package io.sluice.runtime.jobmaster;
