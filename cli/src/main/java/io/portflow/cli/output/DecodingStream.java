package io.portflow.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes handed on to a writer as characters, for a JSON Lines writer given a plain Writer
 * (tests, a StringWriter). Each write must hold whole UTF-8 sequences, as the JSON buffer's do.
 */
final class DecodingStream extends OutputStream {
  private final Writer out;

  DecodingStream(Writer out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}
