/**
 * The command line client behind {@code bin/sluice}: {@link io.sluice.client.cli.SluiceCli} parses
 * the command line; {@link io.sluice.client.cli.JarProgram} loads a job jar and checks its main
 * class, and runs its {@code main} against an embedded cluster ({@code run --local});
 * {@link io.sluice.client.cli.RemoteRun} runs it on a cluster through its REST API; the
 * {@code list}, {@code status} and {@code cancel} commands are in
 * {@link io.sluice.client.cli.JobCommands}.
 */
package io.sluice.client.cli;
