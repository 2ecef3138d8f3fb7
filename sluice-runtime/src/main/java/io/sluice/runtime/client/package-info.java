/** Client side of job submission: translation of pipelines to job graphs, and the local (embedded cluster) executor. */
package io.sluice.runtime.client;
