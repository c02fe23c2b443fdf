package io.portflow.capture.libpcap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the libpcap shared object when JNA would not. JNA asks for {@code libpcap.so}, which only
 * the development package installs (Debian's libpcap0.8-dev); the runtime package has only the
 * versioned {@code libpcap.so.0.8} (Fedora: {@code libpcap.so.1}). Given the directories to look
 * in, this says which file to name explicitly, if any.
 */
public final class LibpcapLocator {
  /** Versioned names in order of preference: the SONAMEs first. */
  private static final List<String> VERSIONED = List.of("libpcap.so.1", "libpcap.so.0.8");
  private static final String UNVERSIONED = "libpcap.so";

  private LibpcapLocator() {}

  /** The usual library directories of Linux distributions, multiarch ones included. */
  public static List<Path> commonDirectories() {
    List<Path> dirs = new ArrayList<>();
    for (String root : List.of("/usr/lib", "/lib")) {
      try (Stream<Path> children = Files.list(Path.of(root))) {
        children.filter(p -> p.getFileName().toString().endsWith("-linux-gnu")).sorted().forEach(dirs::add);
      } catch (Exception e) {
        // not on this system
      }
    }
    for (String dir : List.of("/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib", "/opt/homebrew/lib")) {
      dirs.add(Path.of(dir));
    }
    return dirs;
  }

  /**
   * @return empty when JNA's default lookup will find {@code libpcap.so} (or nothing exists, in which
   *     case loading will fail and say so); otherwise the versioned file to load explicitly
   */
  public static Optional<Path> versionedLibrary(List<Path> directories) {
    for (Path dir : directories) {
      if (Files.exists(dir.resolve(UNVERSIONED))) {
        return Optional.empty();
      }
    }
    for (String name : VERSIONED) {
      for (Path dir : directories) {
        Path candidate = dir.resolve(name);
        if (Files.isReadable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    for (Path dir : directories) {
      try (Stream<Path> children = Files.list(dir)) {
        Optional<Path> any = children
            .filter(p -> p.getFileName().toString().startsWith(UNVERSIONED + "."))
            .sorted()
            .findFirst();
        if (any.isPresent()) {
          return any;
        }
      } catch (Exception e) {
        // unreadable or missing directory: look in the next one
      }
    }
    return Optional.empty();
  }
}
