/**
 * The flow table: TCP segments grouped into connections by a canonical key shared by both
 * directions, port reuse split as tshark's {@code tcp.stream} splits it, roles, and Zeek's TCP state.
 */
package io.portflow.analyze.flow;
