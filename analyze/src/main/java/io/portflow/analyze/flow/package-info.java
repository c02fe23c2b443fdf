/**
 * The flow table: TCP segments grouped into connections by a canonical key shared by both
 * directions, port reuse split as tshark's {@code tcp.stream} splits it, and client/server roles.
 */
package io.portflow.analyze.flow;
