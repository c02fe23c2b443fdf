package io.portflow.capture.synthetic;

/**
 * What the generator makes. Everything it draws comes from {@code seed}, so the same mix always
 * gives the same bytes.
 *
 * @param seed seed of every random choice
 * @param targetBytes file size to stop at (the last record that fits ends the file)
 * @param concurrency TCP connections open at once (each slot runs one connection after another)
 * @param ipv6Share share of connections between IPv6 hosts
 * @param vlanShare share of client hosts behind an 802.1Q tag
 * @param qinqShare share of client hosts behind two tags (802.1ad outer, 802.1Q inner)
 * @param dnsShare share of connections preceded by a UDP DNS lookup
 * @param resetShare share of connections that end with a RST instead of a FIN exchange
 * @param refusedShare share of connection attempts answered with RST+ACK
 * @param unansweredShare share of connection attempts that get no answer (SYN retransmitted)
 */
public record TrafficMix(
    long seed,
    long targetBytes,
    int concurrency,
    double ipv6Share,
    double vlanShare,
    double qinqShare,
    double dnsShare,
    double resetShare,
    double refusedShare,
    double unansweredShare) {

  public TrafficMix {
    if (targetBytes < 1024) {
      throw new IllegalArgumentException("targetBytes: " + targetBytes + " (expected: >= 1024)");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency: " + concurrency + " (expected: >= 1)");
    }
  }

  /** The benchmark's mix: about 5 million frames and 100,000 TCP connections per gigabyte. */
  public static TrafficMix of(long seed, long targetBytes) {
    return new TrafficMix(seed, targetBytes, 1000, 0.10, 0.08, 0.01, 0.30, 0.06, 0.02, 0.01);
  }

  /** The same mix with {@code concurrency} connections at once. */
  public TrafficMix withConcurrency(int concurrency) {
    return new TrafficMix(seed, targetBytes, concurrency, ipv6Share, vlanShare, qinqShare, dnsShare,
        resetShare, refusedShare, unansweredShare);
  }
}
