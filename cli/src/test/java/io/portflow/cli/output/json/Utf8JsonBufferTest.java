package io.portflow.cli.output.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8JsonBufferTest {
  private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
  private final Utf8JsonBuffer buffer = new Utf8JsonBuffer(stream);

  @Test
  void putString_everyControlCharacter_asJackson() throws IOException {
    for (char c = 0; c < 0x20; c++) {
      assertSameAsJackson(String.valueOf(c));
    }
    assertEquals("\"\\u0000\\u001F\\b\\t\\n\\u000B\\f\\r\"", encoded("\u0000\u001f\b\t\n\u000b\f\r"));
  }

  @Test
  void putString_quoteBackslashSlashAndDel_asJackson() throws IOException {
    assertSameAsJackson("\"");
    assertSameAsJackson("\\");
    assertSameAsJackson("a\"b\\c/d\u007fe");
    assertEquals("\"a\\\"b\\\\c/d\u007fe\"", encoded("a\"b\\c/d\u007fe"));
  }

  @Test
  void putString_nonAscii_rawUtf8_asJackson() throws IOException {
    assertSameAsJackson("caf\u00e9 \u20ac \u65e5\u672c \u0080\u07ff\u0800\uffff");
    assertArrayEquals("\"caf\u00e9 \u20ac\"".getBytes(StandardCharsets.UTF_8), put("caf\u00e9 \u20ac"));
  }

  @Test
  void putString_surrogatesPairedOrLone_eachEscaped_asJackson() throws IOException {
    assertSameAsJackson("\ud83d\ude00"); // an emoji: two escapes, as Jackson 2.17 writes it
    assertEquals("\"\\uD83D\\uDE00\"", encoded("\ud83d\ude00"));
    assertSameAsJackson("x\ud800");
    assertSameAsJackson("\udc00x");
    assertSameAsJackson("\ude00\ud83d");
    assertSameAsJackson("\ud83d\ud83d\ude00\ude00");
  }

  @Test
  void putString_everyCharacter_longerThanTheBuffer_asJackson() throws IOException {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= 0xffff; c++) {
      all.append((char) c);
    }
    assertSameAsJackson(all.toString());
    assertSameAsJackson("a".repeat(Utf8JsonBuffer.SIZE * 3 + 1));
  }

  @Test
  void putString_randomStrings_asJackson() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    char[] nasty = {'"', '\\', '/', '\n', '\u0000', '\u001f', '\u007f', '\u00e9', '\u20ac', '\ud83d',
        '\ude00', 'a', ' '};
    for (int i = 0; i < 2000; i++) {
      char[] text = new char[random.nextInt(40)];
      for (int j = 0; j < text.length; j++) {
        text[j] = random.nextBoolean() ? nasty[random.nextInt(nasty.length)] : (char) random.nextInt(0x10000);
      }
      assertSameAsJackson(new String(text));
    }
  }

  @Test
  void putString_nullIsTheLiteral() throws IOException {
    buffer.putString(null);
    buffer.flush();
    assertEquals("null", stream.toString(StandardCharsets.UTF_8));
  }

  @Test
  void literalsAndNames() throws IOException {
    buffer.put((byte) '{');
    int at = buffer.putName(JsonName.of("ok"), true, Utf8JsonBuffer.LITERAL_BYTES);
    buffer.moveTo(Utf8JsonBuffer.putBoolean(buffer.bytes(), at, true));
    at = buffer.putName(JsonName.of("no"), false, Utf8JsonBuffer.LITERAL_BYTES);
    buffer.moveTo(Utf8JsonBuffer.putBoolean(buffer.bytes(), at, false));
    at = buffer.putName(JsonName.of("none"), false, Utf8JsonBuffer.LITERAL_BYTES);
    buffer.moveTo(Utf8JsonBuffer.putNull(buffer.bytes(), at));
    buffer.put((byte) '}');
    buffer.flush();
    assertEquals("{\"ok\":true,\"no\":false,\"none\":null}", stream.toString(StandardCharsets.UTF_8));
  }

  @Test
  void bytesReachTheStream_betweenRecordsOnceSizeIsBuffered_andOnFlush() throws IOException {
    buffer.putString("x".repeat(100));
    buffer.sendIfFull();
    assertEquals(0, stream.size(), "held in the buffer");
    int records = Utf8JsonBuffer.SIZE / 102 + 1;
    for (int i = 1; i < records; i++) {
      buffer.putString("x".repeat(100));
      assertEquals(0, stream.size(), "a record is never cut by a send of its own");
      buffer.sendIfFull();
    }
    assertEquals(records * 102, stream.size(), "sent at the record that filled SIZE");
    buffer.putString("x".repeat(100));
    buffer.flush();
    assertEquals((records + 1) * 102, stream.size());
  }

  @Test
  void bytesReachTheStream_whenAWriteFindsTheBufferFull() throws IOException {
    int strings = Utf8JsonBuffer.CAPACITY / 102 + 1;
    for (int i = 0; i < strings; i++) {
      buffer.putString("x".repeat(100));
    }
    int drained = stream.size();
    assertEquals(true, drained > 0 && drained <= Utf8JsonBuffer.CAPACITY, drained + " bytes drained");
    buffer.flush();
    assertEquals(strings * 102, stream.size());
  }

  private void assertSameAsJackson(String text) throws IOException {
    assertArrayEquals(JacksonBytes.of(g -> g.writeString(text)), put(text), () -> "for " + describe(text));
  }

  private byte[] put(String text) throws IOException {
    stream.reset();
    buffer.putString(text);
    buffer.flush();
    return stream.toByteArray();
  }

  private String encoded(String text) throws IOException {
    return new String(put(text), StandardCharsets.UTF_8);
  }

  private static String describe(String text) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(text.length(), 40); i++) {
      hex.append(String.format("%04x ", (int) text.charAt(i)));
    }
    return text.length() + " chars: " + hex;
  }
}
