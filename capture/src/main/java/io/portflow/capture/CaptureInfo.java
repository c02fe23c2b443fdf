package io.portflow.capture;

import java.util.List;

/**
 * What a source knows about itself.
 *
 * @param name the file path as the user gave it, or the interface name
 * @param format {@code pcap}, {@code pcap-nsec}, {@code pcap-modified} (Kuznetsov's format),
 *     {@code pcapng} or {@code live}
 * @param compressed true when the file was gzip-compressed
 * @param linkTypes LINKTYPE_ values of the interfaces seen so far, in order of first appearance
 */
public record CaptureInfo(String name, String format, boolean compressed, List<Integer> linkTypes) {}
