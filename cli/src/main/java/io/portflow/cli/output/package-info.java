/**
 * Output writers: one class per format (table, JSON, JSON Lines, CSV), all fed the same flow
 * records and capture overview, plus what they share (sort order, timestamp precision).
 */
package io.portflow.cli.output;
