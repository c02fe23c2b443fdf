package io.portflow.capture.file;

import io.portflow.capture.CaptureException;
import io.portflow.capture.FrameCursor;
import io.portflow.capture.format.CaptureErrors;
import io.portflow.capture.io.ByteSource;
import io.portflow.capture.io.Bytes;
import io.portflow.capture.io.CorruptInputException;
import io.portflow.capture.io.MappedFileByteSource;
import io.portflow.capture.io.GzipByteSource;
import io.portflow.capture.io.ReadBuffer;
import io.portflow.capture.pcap.PcapFileHeader;
import io.portflow.capture.pcap.PcapReader;
import io.portflow.capture.pcap.PcapVariant;
import io.portflow.capture.pcapng.PcapngReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens capture files for our reader, and checks them the same way before libpcap gets them. */
public final class CaptureFileOpener {
  /** pcapng's section header block type, the first four bytes of every pcapng file. */
  public static final int PCAPNG_MAGIC = 0x0a0d0d0a;

  private static final int MIN_CAPACITY = 4096;
  private static final int GZIP_ID1 = 0x1f;
  private static final int GZIP_ID2 = 0x8b;

  private CaptureFileOpener() {}

  /**
   * Opens {@code path} with our streaming pcap/pcapng reader.
   *
   * @param bufferCapacity read-buffer size; smaller files get a buffer of their size
   */
  public static FrameCursor open(Path path, int bufferCapacity) throws CaptureException {
    return open(Input.open(path, bufferCapacity));
  }

  /**
   * Opens a capture that is not a file (the fuzz tests hand in bytes): the same checks and readers
   * as {@link #open(Path, int)} once the file is open.
   *
   * @param file the name to put in messages
   * @param source the capture's bytes, already gunzipped when {@code compressed}
   */
  public static FrameCursor open(String file, ByteSource source, boolean compressed, int bufferCapacity)
      throws CaptureException {
    return open(new Input(file, new ReadBuffer(source, bufferCapacity), compressed));
  }

  private static FrameCursor open(Input input) throws CaptureException {
    String file = input.file;
    try {
      int magic = input.magic();
      if (magic == PCAPNG_MAGIC) {
        return PcapngReader.open(input.buffer, file, input.compressed);
      }
      return PcapReader.open(input.buffer, file, input.compressed);
    } catch (CorruptInputException e) {
      // The gzip stream broke inside the file header: nothing before it can be read.
      input.closeQuietly();
      throw CaptureErrors.damagedStream(file, input.buffer.offset() + input.buffer.available(), e);
    } catch (IOException e) {
      input.closeQuietly();
      throw asCaptureException(file, e);
    } catch (RuntimeException e) {
      // A bug, not a property of the file: no user-facing message could describe it.
      input.closeQuietly();
      throw e;
    }
  }

  /** Runs the checks {@link #open} runs before reading records, and tells what the file is. */
  public static CaptureProbe probe(Path path) throws CaptureException {
    String file = path.toString();
    Input input = Input.open(path, MIN_CAPACITY);
    try {
      int magic = input.magic();
      String format = magic == PCAPNG_MAGIC ? "pcapng" : PcapVariant.of(magic).format();
      return new CaptureProbe(format, input.compressed);
    } catch (IOException e) {
      throw asCaptureException(file, e);
    } finally {
      input.closeQuietly();
    }
  }

  private static CaptureException asCaptureException(String file, Exception e) {
    if (e instanceof CaptureException) {
      return (CaptureException) e;
    }
    if (e instanceof CorruptInputException) {
      return new CaptureException(CaptureException.Kind.DAMAGED, file + ": " + e.getMessage(), e);
    }
    return new CaptureException(CaptureException.Kind.CANNOT_OPEN, file + ": cannot read (" + e.getMessage() + ")", e);
  }

  /** An opened file, gunzipped when it is compressed, ready at byte 0. */
  private static final class Input {
    final String file;
    final ReadBuffer buffer;
    final boolean compressed;

    private Input(String file, ReadBuffer buffer, boolean compressed) {
      this.file = file;
      this.buffer = buffer;
      this.compressed = compressed;
    }

    static Input open(Path path, int bufferCapacity) throws CaptureException {
      String file = path.toString();
      FileChannel channel = openChannel(path, file);
      try {
        long size = channel.size();
        boolean gzip = startsWithGzipMagic(channel);
        ByteSource source = gzip
            ? new GzipByteSource(Channels.newInputStream(channel))
            : MappedFileByteSource.open(channel);
        int capacity = gzip ? bufferCapacity : (int) Math.max(MIN_CAPACITY, Math.min(size, bufferCapacity));
        return new Input(file, new ReadBuffer(source, Math.max(MIN_CAPACITY, capacity)), gzip);
      } catch (IOException e) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // the open already failed; that is what the user needs to hear
        }
        throw asCaptureException(file, e);
      }
    }

    /** The first four (uncompressed) bytes, checked to be a pcap or pcapng magic. */
    int magic() throws IOException {
      if (!buffer.request(4)) {
        String what = compressed ? "uncompressed content" : "file";
        throw CaptureErrors.notACapture(file, buffer.available() == 0
            ? "empty " + what + " (expected: a pcap or pcapng capture)"
            : what + " is only " + buffer.available() + " bytes long (expected: at least "
                + PcapFileHeader.SIZE + ", a capture file header)");
      }
      int magic = Bytes.magic(buffer.array(), buffer.position());
      if (magic != PCAPNG_MAGIC && PcapVariant.of(magic) == null) {
        String looksLike = FileSignatures.describe(buffer.array(), buffer.position(), buffer.available());
        throw CaptureErrors.notACapture(file, "not a pcap or pcapng capture: it starts with "
            + Bytes.hex32(magic) + (looksLike == null ? "" : ", which looks like " + looksLike)
            + " (expected: 0xa1b2c3d4 or 0xa1b23c4d in either byte order, or pcapng's 0x0a0d0d0a)");
      }
      return magic;
    }

    void closeQuietly() {
      try {
        buffer.close();
      } catch (IOException ignored) {
        // closing a file we only read cannot lose data
      }
    }
  }

  private static FileChannel openChannel(Path path, String file) throws CaptureException {
    if (Files.isDirectory(path)) {
      throw CaptureErrors.cannotOpen(file, "is a directory, not a capture file");
    }
    try {
      return FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw CaptureErrors.cannotOpen(file, "no such file");
    } catch (AccessDeniedException e) {
      throw CaptureErrors.cannotOpen(file, "permission denied");
    } catch (IOException | SecurityException e) {
      throw CaptureErrors.cannotOpen(file, "cannot open (" + e.getMessage() + ")");
    }
  }

  private static boolean startsWithGzipMagic(FileChannel channel) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(2);
    while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
      // positional reads leave the channel at byte 0
    }
    return head.position() == 2 && (head.get(0) & 0xff) == GZIP_ID1 && (head.get(1) & 0xff) == GZIP_ID2;
  }
}
