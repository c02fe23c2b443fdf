package io.portflow.cli;

import io.portflow.cli.output.Utf8Output;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output: a PrintWriter (UTF-8, 64 KiB buffer) whose byte stream JSON Lines can use
 * directly. Like the PrintWriter's own writes, a byte write that fails (the reader of a pipe went
 * away) is not thrown: it sets the error state that {@link #checkError()} reports, and later
 * bytes are dropped.
 */
final class StdoutWriter extends PrintWriter implements Utf8Output {
  private final OutputStream utf8;

  private StdoutWriter(OutputStream bytes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    this.utf8 = new ErrorSetting(bytes);
  }

  /** The process's standard output. */
  static StdoutWriter open() {
    return new StdoutWriter(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
  }

  /** Over any stream, for tests. */
  static StdoutWriter over(OutputStream bytes) {
    return new StdoutWriter(bytes);
  }

  @Override
  public OutputStream utf8Stream() {
    return utf8;
  }

  /** Passes bytes on until the first failure; from then on sets the error state and drops them. */
  private final class ErrorSetting extends OutputStream {
    private final OutputStream out;
    private boolean failed;

    ErrorSetting(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      if (failed) {
        return;
      }
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        fail();
      }
    }

    @Override
    public void flush() {
      if (failed) {
        return;
      }
      try {
        out.flush();
      } catch (IOException e) {
        fail();
      }
    }

    private void fail() {
      failed = true;
      setError();
    }
  }
}
