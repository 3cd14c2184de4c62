/**
 * The {@code morgue index} command: parses arguments, runs ingestion, prints the report. Only
 * {@code main} here calls {@code System.exit}.
 */
package org.morgue.cli;
