package io.portflow.analyze;

/**
 * What one side sent.
 *
 * @param packets frames
 * @param bytes frame bytes on the wire (original length), as tshark's conversation table counts
 * @param payloadBytes TCP payload bytes
 */
public record DirectionStats(long packets, long bytes, long payloadBytes) {}
