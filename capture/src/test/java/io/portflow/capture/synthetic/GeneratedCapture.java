package io.portflow.capture.synthetic;

/**
 * What the generator wrote.
 *
 * @param frames records in the file
 * @param bytes file size
 * @param tcpFrames frames holding TCP
 * @param tcpConnections connections with at least one frame in the file
 * @param dnsLookups DNS lookups with at least one frame in the file
 * @param firstNanos timestamp of the first frame
 * @param lastNanos timestamp of the last frame
 */
public record GeneratedCapture(
    long frames, long bytes, long tcpFrames, long tcpConnections, long dnsLookups, long firstNanos,
    long lastNanos) {}
