package io.portflow.cli.corpus;

/**
 * tshark's numbers for one {@code tcp.stream}, as a {@code .streams.csv} row holds them.
 *
 * @param stream tshark's stream number
 * @param a sender of the stream's first counted frame
 * @param b the other end
 * @param packetsAtoB frames from a to b
 * @param bytesAtoB frame bytes (original length) from a to b
 * @param packetsBtoA frames from b to a
 * @param bytesBtoA frame bytes from b to a
 * @param icmpQuoted TCP headers quoted in ICMP errors that tshark gave this stream (not counted above)
 * @param malformed frames of this stream whose TCP dissection failed (counted above)
 */
record TsharkStream(
    int stream,
    HostPort a,
    HostPort b,
    long packetsAtoB,
    long bytesAtoB,
    long packetsBtoA,
    long bytesBtoA,
    int icmpQuoted,
    int malformed) {}
