/**
 * A deterministic generator of realistic synthetic captures (TCP connections with handshakes, data
 * both ways and FIN/RST teardown, IPv6, VLAN tags, UDP DNS) for benchmarks and scale tests.
 */
package io.portflow.capture.synthetic;
