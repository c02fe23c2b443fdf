/**
 * Header decoding by absolute offsets into the frame buffer: link layers, IPv4, IPv6 with extension
 * headers, IP tunnels and the TCP header. Nothing here allocates per frame; problems are named
 * {@link io.portflow.analyze.decode.SkipReason}s, never exceptions.
 */
package io.portflow.analyze.decode;
