package io.portflow.analyze.communityid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha1BlockTest {
  @Test
  void fips180Examples_emptyAndAbc() {
    assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", hex(""));
    assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", hex("abc"));
  }

  /** Every length one block holds, each with many random messages, against the JDK's SHA-1. */
  @Test
  void randomMessagesOfEveryLength_sameDigestAsMessageDigest() throws NoSuchAlgorithmException {
    MessageDigest jdk = MessageDigest.getInstance("SHA-1");
    Random random = new Random(0x5a1L);
    for (int length = 0; length <= Sha1Block.MAX_MESSAGE; length++) {
      for (int round = 0; round < 200; round++) {
        byte[] message = new byte[length];
        random.nextBytes(message);
        byte[] block = new byte[Sha1Block.BYTES];
        random.nextBytes(block); // whatever lies after the message must not matter
        System.arraycopy(message, 0, block, 0, length);
        byte[] digest = new byte[Sha1Block.DIGEST_BYTES + 3];
        Sha1Block.digest(block, length, digest, 3);
        assertArrayEquals(jdk.digest(message), Arrays.copyOfRange(digest, 3, digest.length),
            "length " + length + ", message " + HexFormat.of().formatHex(message));
      }
    }
  }

  @Test
  void digestOverTheBlock_writtenAfterTheBlockIsRead() throws NoSuchAlgorithmException {
    byte[] block = new byte[Sha1Block.BYTES];
    Arrays.fill(block, 0, 40, (byte) 0x5a);
    byte[] expected = MessageDigest.getInstance("SHA-1").digest(Arrays.copyOf(block, 40));
    Sha1Block.digest(block, 40, block, 0);
    assertArrayEquals(expected, Arrays.copyOf(block, Sha1Block.DIGEST_BYTES));
  }

  @Test
  void tooLongForOneBlock_isRejectedWithTheLength() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sha1Block.digest(new byte[64], 56, new byte[20], 0));
    assertEquals("message of 56 bytes in a block of 64 (expected: 0 ~ 55 bytes in 64)",
        e.getMessage());
  }

  private static String hex(String message) {
    byte[] block = new byte[Sha1Block.BYTES];
    byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, block, 0, bytes.length);
    byte[] digest = new byte[Sha1Block.DIGEST_BYTES];
    Sha1Block.digest(block, bytes.length, digest, 0);
    return HexFormat.of().formatHex(digest);
  }
}
