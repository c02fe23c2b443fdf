package io.portflow.analyze.communityid;

/**
 * SHA-1 (FIPS 180-4) of a message that fits one 64-byte block with its padding: at most 55 bytes.
 * A Community ID input is 40 bytes at most, and for inputs this short MessageDigest costs more
 * around the hash than in it (a provider lookup that loads the security classes at start-up, a
 * copy into its buffer, padding, a result array) and is a large unit for the JIT to compile.
 * Here the block's sixteen words and the five state words are locals: no allocation, no state.
 */
final class Sha1Block {
  /** A block: the message, the padding and the message length. */
  static final int BYTES = 64;
  /** The longest message that leaves room in one block for the 0x80 byte and the 8-byte length. */
  static final int MAX_MESSAGE = BYTES - 1 - 8;
  static final int DIGEST_BYTES = 20;

  private Sha1Block() {}

  /**
   * Hashes {@code block[0, length)} and writes the 20-byte digest at {@code dst[at]} (which may
   * lie in {@code block}: the block is read whole before the digest is written).
   *
   * @param block 64 bytes, the message first; the bytes after the message are overwritten with
   *     the padding
   */
  static void digest(byte[] block, int length, byte[] dst, int at) {
    if (length < 0 || length > MAX_MESSAGE || block.length < BYTES) {
      throw new IllegalArgumentException("message of " + length + " bytes in a block of "
          + block.length + " (expected: 0 ~ " + MAX_MESSAGE + " bytes in " + BYTES + ")");
    }
    block[length] = (byte) 0x80;
    for (int i = length + 1; i < BYTES - 4; i++) {
      block[i] = 0;
    }
    putInt(block, BYTES - 4, length * 8); // the bit length; its high word is in the zeros above
    compress(block, dst, at);
  }

  /** The 80 rounds over one padded block, from the initial hash value. */
  private static void compress(byte[] block, byte[] dst, int at) {
    int w0 = intAt(block, 0);
    int w1 = intAt(block, 4);
    int w2 = intAt(block, 8);
    int w3 = intAt(block, 12);
    int w4 = intAt(block, 16);
    int w5 = intAt(block, 20);
    int w6 = intAt(block, 24);
    int w7 = intAt(block, 28);
    int w8 = intAt(block, 32);
    int w9 = intAt(block, 36);
    int w10 = intAt(block, 40);
    int w11 = intAt(block, 44);
    int w12 = intAt(block, 48);
    int w13 = intAt(block, 52);
    int w14 = intAt(block, 56);
    int w15 = intAt(block, 60);
    int a = 0x67452301;
    int b = 0xefcdab89;
    int c = 0x98badcfe;
    int d = 0x10325476;
    int e = 0xc3d2e1f0;
    // Sixteen rounds per pass, one per schedule word. Rather than move all five state words each
    // round, the words trade roles: after sixteen rounds they stand one role on.
    for (int t = 0; t < 80; t += 16) {
      e += rotl(a, 5) + f(t, b, c, d) + w0;
      b = rotl(b, 30);
      d += rotl(e, 5) + f(t + 1, a, b, c) + w1;
      a = rotl(a, 30);
      c += rotl(d, 5) + f(t + 2, e, a, b) + w2;
      e = rotl(e, 30);
      b += rotl(c, 5) + f(t + 3, d, e, a) + w3;
      d = rotl(d, 30);
      a += rotl(b, 5) + f(t + 4, c, d, e) + w4;
      c = rotl(c, 30);
      e += rotl(a, 5) + f(t + 5, b, c, d) + w5;
      b = rotl(b, 30);
      d += rotl(e, 5) + f(t + 6, a, b, c) + w6;
      a = rotl(a, 30);
      c += rotl(d, 5) + f(t + 7, e, a, b) + w7;
      e = rotl(e, 30);
      b += rotl(c, 5) + f(t + 8, d, e, a) + w8;
      d = rotl(d, 30);
      a += rotl(b, 5) + f(t + 9, c, d, e) + w9;
      c = rotl(c, 30);
      e += rotl(a, 5) + f(t + 10, b, c, d) + w10;
      b = rotl(b, 30);
      d += rotl(e, 5) + f(t + 11, a, b, c) + w11;
      a = rotl(a, 30);
      c += rotl(d, 5) + f(t + 12, e, a, b) + w12;
      e = rotl(e, 30);
      b += rotl(c, 5) + f(t + 13, d, e, a) + w13;
      d = rotl(d, 30);
      a += rotl(b, 5) + f(t + 14, c, d, e) + w14;
      c = rotl(c, 30);
      e += rotl(a, 5) + f(t + 15, b, c, d) + w15;
      b = rotl(b, 30);
      int first = e; // e now plays a, a plays b, and so on: back to their places
      e = d;
      d = c;
      c = b;
      b = a;
      a = first;
      // The next sixteen schedule words, W[t] = rotl(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16], 1), in
      // place and in order, so that each reads the words already replaced where it should.
      w0 = next(w13, w8, w2, w0);
      w1 = next(w14, w9, w3, w1);
      w2 = next(w15, w10, w4, w2);
      w3 = next(w0, w11, w5, w3);
      w4 = next(w1, w12, w6, w4);
      w5 = next(w2, w13, w7, w5);
      w6 = next(w3, w14, w8, w6);
      w7 = next(w4, w15, w9, w7);
      w8 = next(w5, w0, w10, w8);
      w9 = next(w6, w1, w11, w9);
      w10 = next(w7, w2, w12, w10);
      w11 = next(w8, w3, w13, w11);
      w12 = next(w9, w4, w14, w12);
      w13 = next(w10, w5, w15, w13);
      w14 = next(w11, w6, w0, w14);
      w15 = next(w12, w7, w1, w15);
    }
    putInt(dst, at, a + 0x67452301);
    putInt(dst, at + 4, b + 0xefcdab89);
    putInt(dst, at + 8, c + 0x98badcfe);
    putInt(dst, at + 12, d + 0x10325476);
    putInt(dst, at + 16, e + 0xc3d2e1f0);
  }

  /** Round {@code t}'s function of the three state words, plus its constant. */
  private static int f(int t, int x, int y, int z) {
    if (t < 20) {
      return (z ^ (x & (y ^ z))) + 0x5a827999; // Ch
    }
    if (t < 40) {
      return (x ^ y ^ z) + 0x6ed9eba1; // Parity
    }
    if (t < 60) {
      return ((x & y) | (z & (x | y))) + 0x8f1bbcdc; // Maj
    }
    return (x ^ y ^ z) + 0xca62c1d6; // Parity
  }

  private static int next(int w3, int w8, int w14, int w16) {
    return rotl(w3 ^ w8 ^ w14 ^ w16, 1);
  }

  private static int rotl(int x, int n) {
    return x << n | x >>> -n;
  }

  private static int intAt(byte[] b, int at) {
    return b[at] << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
  }

  private static void putInt(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }
}
