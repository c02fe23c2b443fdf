/**
 * Turns frames into flows: header decoding, the flow table, roles and port labels. JDK only: it
 * takes (timestamp, link type, frame bytes, wire length) and knows nothing of libpcap.
 */
package io.portflow.analyze;
