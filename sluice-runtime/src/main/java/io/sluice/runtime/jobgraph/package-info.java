/** The job graph a client submits: job vertices (operator chains), edges and data sets. */
package io.sluice.runtime.jobgraph;
