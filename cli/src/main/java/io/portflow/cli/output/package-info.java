/**
 * Output writers: one class per format (table, JSON, JSON Lines, CSV), all fed the same flow
 * records and capture overview, plus what they share (sort order, timestamp precision, the one
 * JSON layout of a record that both JSON formats write, and the local processes a live capture
 * adds to each end).
 */
package io.portflow.cli.output;
