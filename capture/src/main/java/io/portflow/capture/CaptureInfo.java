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
 * @param timestampResolution the finest of the interfaces seen so far: a pcapng file is read
 *     ahead to its first packet when it is opened, so this covers every interface declared
 *     before it (as writers declare them all at the start), and later ones once they are read
 */
public record CaptureInfo(String name, String format, boolean compressed, List<Integer> linkTypes,
    TimestampResolution timestampResolution) {}
