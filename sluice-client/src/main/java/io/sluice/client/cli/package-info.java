/**
 * The command line client behind {@code bin/sluice}: {@link io.sluice.client.cli.SluiceCli} parses
 * the command line, {@link io.sluice.client.cli.JarProgram} loads a job jar and runs its
 * {@code main} against an embedded cluster.
 */
package io.sluice.client.cli;
