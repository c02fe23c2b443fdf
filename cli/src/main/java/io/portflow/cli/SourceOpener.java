package io.portflow.cli;

import io.portflow.capture.CaptureFiles;
import io.portflow.capture.FrameSource;
import io.portflow.capture.ReaderKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens capture files as one frame source; tests hand the command a fake. */
@FunctionalInterface
public interface SourceOpener {
  /** The real one: {@link CaptureFiles#open}. */
  SourceOpener FILES = CaptureFiles::open;

  FrameSource open(List<Path> files, ReaderKind reader, String bpfFilterOrNull) throws IOException;
}
