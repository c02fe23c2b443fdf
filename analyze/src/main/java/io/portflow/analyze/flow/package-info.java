/**
 * The flow table: TCP and UDP packets grouped into flows by a canonical key shared by both
 * directions, port reuse split as tshark's {@code tcp.stream} splits it, roles, Zeek's TCP state,
 * and when a flow finishes (close linger, idle timeouts) so that only live flows take memory.
 */
package io.portflow.analyze.flow;
