package io.portflow.cli.output.json;

import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON values and names written as UTF-8 into a byte buffer, which goes to the stream once it
 * holds {@link #SIZE} bytes at a {@link #sendIfFull()} between records, when a write finds it full,
 * and on {@link #flush()}. It knows no structure: the caller places braces and commas.
 */
public final class Utf8JsonBuffer {
  /**
   * Small, as Jackson's 8000 bytes were: standard output has its own 64 KiB buffer, and a writer
   * without one (a consumer in the same process) should not lag dozens of lines behind.
   */
  static final int SIZE = 1 << 13;
  /**
   * Room for a record of up to SIZE bytes after SIZE bytes not yet sent: the records are sent
   * between them, so that in a record every write finds room. The JIT then compiles each write's
   * check of the room as a branch never taken, rather than a copy of the sending code per field.
   */
  static final int CAPACITY = 2 * SIZE;

  /** The longest of {@code null}, {@code true} and {@code false}. */
  public static final int LITERAL_BYTES = 5;
  /** Characters of a long string encoded per piece, so that each piece and its quotes fit the buffer. */
  private static final int PIECE = SIZE / JsonStrings.MAX_BYTES_PER_CHAR - 1;

  private final OutputStream out;
  private final byte[] bytes = new byte[CAPACITY];
  private int position;

  public Utf8JsonBuffer(OutputStream out) {
    this.out = out;
  }

  public void put(byte b) throws IOException {
    reserve(1);
    bytes[position++] = b;
  }

  /** {@code "name":}, after a comma unless it is the first field of its object. */
  public void putName(JsonName name, boolean first) throws IOException {
    position = putName(name, first, 0);
  }

  /**
   * {@code "name":} as {@link #putName(JsonName, boolean)}, with room after it for {@code
   * valueBytes} that the caller writes itself into {@link #bytes()} before it {@link #moveTo}s
   * their end: one check of the room for the whole field.
   *
   * @return where the value goes
   */
  public int putName(JsonName name, boolean first, int valueBytes) throws IOException {
    byte[] b = name.afterComma();
    int from = first ? 1 : 0;
    int length = b.length - from;
    int at = reserve(length + valueBytes);
    System.arraycopy(b, from, bytes, at, length);
    return at + length;
  }

  /** {@code true} or {@code false} at {@code at}; returns the index after it. */
  public static int putBoolean(byte[] dst, int at, boolean value) {
    if (value) {
      dst[at] = 't';
      dst[at + 1] = 'r';
      dst[at + 2] = 'u';
      dst[at + 3] = 'e';
      return at + 4;
    }
    dst[at] = 'f';
    dst[at + 1] = 'a';
    dst[at + 2] = 'l';
    dst[at + 3] = 's';
    dst[at + 4] = 'e';
    return at + 5;
  }

  /** {@code null} at {@code at}; returns the index after it. */
  public static int putNull(byte[] dst, int at) {
    dst[at] = 'n';
    dst[at + 1] = 'u';
    dst[at + 2] = 'l';
    dst[at + 3] = 'l';
    return at + 4;
  }

  /** {@code text} quoted and escaped, or {@code null}. */
  public void putString(String text) throws IOException {
    if (text == null) {
      position = putNull(bytes, reserve(LITERAL_BYTES));
      return;
    }
    int length = text.length();
    if (length <= PIECE) { // all but the rare long string: room for it at once
      int at = reserve(length * JsonStrings.MAX_BYTES_PER_CHAR + 2);
      bytes[at] = '"';
      at = JsonStrings.encode(text, 0, length, bytes, at + 1);
      bytes[at] = '"';
      position = at + 1;
      return;
    }
    put((byte) '"');
    for (int from = 0; from < length; from += PIECE) {
      int to = Math.min(length, from + PIECE);
      reserve((to - from) * JsonStrings.MAX_BYTES_PER_CHAR);
      position = JsonStrings.encode(text, from, to, bytes, position);
    }
    put((byte) '"');
  }

  /**
   * Makes room for {@code length} bytes (at most {@link #SIZE}) for a caller that writes them
   * itself into {@link #bytes()}, then moves on with {@link #moveTo(int)}. Sends the buffered
   * bytes to the stream first if they leave less room than that.
   *
   * @return where to write
   */
  public int reserve(int length) throws IOException {
    if (CAPACITY - position < length) {
      makeRoom(length);
    }
    return position;
  }

  /** Sends the buffered bytes to the stream if they fill {@link #SIZE}: call between records. */
  public void sendIfFull() throws IOException {
    if (position >= SIZE) {
      send();
    }
  }

  /** The buffer, for writing into after {@link #reserve(int)}. */
  public byte[] bytes() {
    return bytes;
  }

  /** Takes the bytes up to {@code end} as written. */
  public void moveTo(int end) {
    position = end;
  }

  /** Writes the buffered bytes to the stream, and flushes the stream. */
  public void flush() throws IOException {
    send();
    out.flush();
  }

  /**
   * Sends the buffered bytes to the stream. The rare path of {@link #reserve}, out of line so that
   * reserve stays under C1's inlining limit (35 bytes of bytecode): the launcher runs C1 alone
   * for captures under 600 MB.
   */
  private void makeRoom(int length) throws IOException {
    if (length > SIZE) {
      throw new IllegalArgumentException("cannot reserve " + length + " bytes in the JSON buffer"
          + " (expected: at most " + SIZE + ")");
    }
    send();
  }

  private void send() throws IOException {
    if (position > 0) {
      int filled = position;
      position = 0; // a stream that throws has lost these bytes either way
      out.write(bytes, 0, filled);
    }
  }
}
