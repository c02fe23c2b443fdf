/**
 * Pieces of {@code portflow watch} and {@code portflow interfaces}: which local process owns a
 * flow's end (from /proc), the live view drawn in place on a terminal, and the interface list.
 */
package io.portflow.cli.watch;
