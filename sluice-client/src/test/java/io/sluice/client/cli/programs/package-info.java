/** Tiny job programs the CLI tests pack into jars. */
package io.sluice.client.cli.programs;
