package io.portflow.capture.testing;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureFiles;
import io.portflow.capture.FrameSource;
import io.portflow.capture.ReaderKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens fixtures and reads them to the end. */
public final class Captures {
  private Captures() {}

  /** A real capture from {@code src/test/resources/captures}. */
  public static Path resource(String name) {
    URL url = Captures.class.getResource("/captures/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture captures/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** All fixture files (not PROVENANCE.tsv), sorted by name. */
  public static List<Path> allResources() {
    try (var files = Files.list(resource("PROVENANCE.tsv").getParent())) {
      return files.filter(p -> !p.getFileName().toString().endsWith(".tsv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one file with our reader, no filter. */
  public static ReadResult read(Path file) throws CaptureException {
    return read(List.of(file), ReaderKind.PORTFLOW, null);
  }

  /**
   * Opens (open errors are thrown) and reads to the end or to the first error, which is returned.
   * Also checks that the source stays at its end after an error.
   */
  public static ReadResult read(List<Path> files, ReaderKind reader, String filter) throws CaptureException {
    List<Frame> frames = new ArrayList<>();
    CaptureException error = null;
    try (FrameSource source = CaptureFiles.open(files, reader, filter)) {
      try {
        while (source.next((ts, linkType, data, offset, captured, wire) ->
            frames.add(new Frame(ts, linkType, captured, wire, Hex.of(data, offset, captured))))) {
          // collect
        }
      } catch (CaptureException e) {
        error = e;
        if (source.next((ts, linkType, data, offset, captured, wire) -> frames.add(null))) {
          throw new AssertionError("a source handed out a frame after its error: " + e.getMessage());
        }
      }
      return new ReadResult(frames, error, source.inputs(), source.warnings());
    } catch (CaptureException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
