package io.portflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks named files before they are opened, so that the common mistakes get the same short
 * message whichever reader is used.
 */
final class InputFiles {
  private InputFiles() {}

  static void check(List<Path> files) throws Failure {
    for (Path file : files) {
      if (!Files.exists(file)) {
        throw new Failure(ExitCodes.CANNOT_READ, "cannot read " + file + ": no such file");
      }
      if (Files.isDirectory(file)) {
        throw new Failure(ExitCodes.CANNOT_READ,
            "cannot read " + file + ": it is a directory (expected: a pcap or pcapng file)");
      }
      if (!Files.isReadable(file)) {
        throw new Failure(ExitCodes.CANNOT_READ, "cannot read " + file + ": permission denied");
      }
    }
  }
}
