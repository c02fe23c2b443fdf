package io.portflow.cli.progress;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far this process has read into a set of files, from the kernel's own file offsets
 * ({@code /proc/self/fdinfo}), so that neither our reader nor libpcap has to report anything.
 * For a gzip file that is the compressed bytes read. Linux only: elsewhere {@link #available()}
 * is false.
 */
final class FileOffsets {
  private static final Path FDS = Path.of("/proc/self/fd");
  private static final Path FDINFO = Path.of("/proc/self/fdinfo");

  /** The files by their real path, and the furthest offset seen in each. */
  private final Map<Path, Long> furthest = new HashMap<>();
  private final long total;

  FileOffsets(List<Path> files) {
    long sum = 0;
    for (Path file : files) {
      try {
        furthest.put(file.toRealPath(), 0L);
        sum += Files.size(file);
      } catch (IOException e) {
        // a file that cannot be looked at counts for nothing; the reader will say what is wrong
      }
    }
    total = sum;
  }

  /** Bytes in all the files together. */
  long total() {
    return total;
  }

  boolean available() {
    return Files.isDirectory(FDINFO);
  }

  /**
   * Bytes read so far, summed over the files: each file's offset now if it is open, else the
   * furthest seen (a file closed after reading keeps what it had).
   */
  long read() {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
      for (Path fd : fds) {
        Path target = target(fd);
        if (target != null && furthest.containsKey(target)) {
          long offset = offset(fd.getFileName().toString());
          furthest.merge(target, offset, Math::max);
        }
      }
    } catch (IOException e) {
      // /proc went away or this is not Linux: report what was seen
    }
    long sum = 0;
    for (long offset : furthest.values()) {
      sum += offset;
    }
    return Math.min(sum, total);
  }

  private static Path target(Path fd) {
    try {
      return Files.readSymbolicLink(fd);
    } catch (IOException | UnsupportedOperationException e) {
      return null; // closed since the listing, or not a link
    }
  }

  /** The {@code pos:} line of {@code /proc/self/fdinfo/N}, or 0. */
  private static long offset(String fd) {
    try {
      for (String line : Files.readAllLines(FDINFO.resolve(fd))) {
        if (line.startsWith("pos:")) {
          return Long.parseLong(line.substring(4).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // closed since the listing
    }
    return 0;
  }
}
