/**
 * The {@code portflow} command line: picocli commands (analyze, watch, interfaces), exit codes and
 * error reporting. Commands print only through the streams picocli gives them, so tests run them
 * in-process.
 */
package io.portflow.cli;
