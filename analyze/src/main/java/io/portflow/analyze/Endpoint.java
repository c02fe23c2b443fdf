package io.portflow.analyze;

/**
 * One end of a flow with its port labels.
 *
 * @param ip textual address: dotted quad, or RFC 5952 IPv6 without brackets
 * @param port 0-65535
 * @param portClass IANA range of the port
 * @param ephemeral true for a client end whose port lies in the configured ephemeral range
 * @param service IANA service name for this port and transport, or null
 */
public record Endpoint(String ip, int port, PortClass portClass, boolean ephemeral, String service) {}
