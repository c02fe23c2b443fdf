package io.portflow.cli;

import io.portflow.capture.CaptureException;
import io.portflow.capture.file.CaptureFileOpener;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the command line's FILE arguments into capture files, and checks named files before they
 * are opened, so that the common mistakes get the same short message whichever reader is used.
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * The capture files the arguments name, in order: a file as it is; a directory as every capture
   * file directly in it, in name order, told by content so that rotated files without the usual
   * extension ({@code tcpdump -C}'s {@code capture.pcap1}) count and other files do not; an
   * argument that names nothing but holds a glob ({@code *}, {@code ?}, {@code [}) in its last
   * part as the files it matches there, in name order, for when the shell's expansion would be
   * too long or there is no shell.
   */
  static List<Path> expand(List<Path> arguments) throws Failure {
    List<Path> files = new ArrayList<>();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        files.addAll(capturesIn(argument));
      } else if (!Files.exists(argument) && isGlob(argument)) {
        files.addAll(matching(argument));
      } else {
        files.add(argument);
      }
    }
    return files;
  }

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

  private static List<Path> capturesIn(Path directory) throws Failure {
    List<Path> captures = new ArrayList<>();
    for (Path file : sortedFiles(directory, "*")) {
      try {
        CaptureFileOpener.probe(file);
        captures.add(file);
      } catch (CaptureException e) {
        if (e.kind() != CaptureException.Kind.NOT_A_CAPTURE) {
          throw Failure.of(e);
        }
      }
    }
    if (captures.isEmpty()) {
      throw new Failure(ExitCodes.CANNOT_READ,
          "cannot read " + directory + ": no pcap or pcapng files in the directory");
    }
    return captures;
  }

  private static List<Path> matching(Path glob) throws Failure {
    Path parent = glob.getParent() == null ? Path.of("") : glob.getParent();
    if (isGlob(parent)) {
      throw new Failure(ExitCodes.CANNOT_READ, "cannot read " + glob
          + ": patterns only in the file name, not in directories (expected e.g. 'captures/*.pcap')");
    }
    List<Path> files = Files.isDirectory(parent.toAbsolutePath())
        ? sortedFiles(parent, glob.getFileName().toString())
        : List.of();
    if (files.isEmpty()) {
      throw new Failure(ExitCodes.CANNOT_READ, "cannot read " + glob + ": no file matches");
    }
    return files;
  }

  /** Regular, not hidden files of {@code directory} whose names match {@code glob}, by name. */
  private static List<Path> sortedFiles(Path directory, String glob) throws Failure {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    Path listed = directory.toString().isEmpty() ? Path.of(".") : directory;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
      List<Path> files = new ArrayList<>();
      for (Path entry : entries) {
        Path name = entry.getFileName();
        if (!name.toString().startsWith(".") && matcher.matches(name) && Files.isRegularFile(entry)) {
          files.add(directory.resolve(name));
        }
      }
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new Failure(ExitCodes.CANNOT_READ, "cannot read " + listed + ": " + e.getMessage(), e);
    }
  }

  private static boolean isGlob(Path path) {
    String text = path.toString();
    return Stream.of("*", "?", "[").anyMatch(text::contains);
  }
}
