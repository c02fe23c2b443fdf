/**
 * TCP connection state in Zeek's vocabulary: per-endpoint states, the history letters and the
 * {@code conn_state} summary, plus cheap per-direction TCP counters (retransmissions, zero windows,
 * handshake RTT, offered options).
 */
package io.portflow.analyze.tcp;
