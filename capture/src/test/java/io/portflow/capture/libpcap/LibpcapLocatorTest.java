package io.portflow.capture.libpcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibpcapLocatorTest {
  @TempDir Path root;

  private Path dir(String name, String... files) throws Exception {
    Path dir = Files.createDirectories(root.resolve(name));
    for (String file : files) {
      Files.createFile(dir.resolve(file));
    }
    return dir;
  }

  @Test
  void developmentSymlinkPresent_jnaFindsItAlone() throws Exception {
    Path a = dir("a", "libpcap.so.0.8");
    Path b = dir("b", "libpcap.so", "libpcap.so.0.8");
    assertEquals(Optional.empty(), LibpcapLocator.versionedLibrary(List.of(a, b)));
  }

  @Test
  void onlyTheRuntimePackage_namesTheVersionedFile() throws Exception {
    Path a = dir("a");
    Path b = dir("b", "libpcap.so.1.10.3", "libpcap.so.0.8");
    assertEquals(Optional.of(b.resolve("libpcap.so.0.8")), LibpcapLocator.versionedLibrary(List.of(a, b)));
  }

  @Test
  void fedoraSoname_isPreferred() throws Exception {
    Path a = dir("a", "libpcap.so.1.10.4", "libpcap.so.1");
    assertEquals(Optional.of(a.resolve("libpcap.so.1")), LibpcapLocator.versionedLibrary(List.of(a)));
  }

  @Test
  void anyVersionedName_asALastResort() throws Exception {
    Path a = dir("a", "libpcap.so.2.0.1");
    assertEquals(Optional.of(a.resolve("libpcap.so.2.0.1")), LibpcapLocator.versionedLibrary(List.of(a)));
  }

  @Test
  void nothingInstalled_nothingToName() throws Exception {
    assertEquals(Optional.empty(), LibpcapLocator.versionedLibrary(List.of(dir("a"), root.resolve("missing"))));
  }
}
