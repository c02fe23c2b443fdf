package io.portflow.capture.file;

/**
 * What the first bytes of a capture file say.
 *
 * @param format {@code pcap}, {@code pcap-nsec}, {@code pcap-modified} or {@code pcapng}
 * @param compressed true when the file is gzip-compressed
 */
public record CaptureProbe(String format, boolean compressed) {}
