package io.portflow.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownDifferencesTest {
  @TempDir Path dir;

  @Test
  void listedDifference_isNoProblem() throws IOException {
    KnownDifferences known = load("# comment\nfile\tstream\treason\na.pcap\t3\ttshark counts malformed frames\n");
    assertEquals(List.of(), known.problems("a.pcap", List.of(new Difference("3", "x"))));
  }

  @Test
  void unlistedDifference_isAProblemThatSaysHowToList() throws IOException {
    List<String> problems = load("").problems("a.pcap", List.of(new Difference("flow:2", "extra flow")));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("a.pcap\\tflow:2\\t<reason>"), problems.get(0));
  }

  @Test
  void listedDifferenceThatNoLongerOccurs_isAProblem() throws IOException {
    List<String> problems = load("a.pcap\t*\tall of it\nb.pcap\t1\tother file\n").problems("a.pcap", List.of());
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("no longer differs"), problems.get(0));
  }

  @Test
  void star_coversEveryDifferenceOfItsFile() throws IOException {
    KnownDifferences known = load("a.pcap\t*\ttunnel not decoded\n");
    assertEquals(List.of(), known.problems("a.pcap", List.of(new Difference("0", "x"), new Difference("flow:1", "y"))));
  }

  @Test
  void rowWithoutReason_isRejected() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> load("a.pcap\t1\t\n"));
  }

  private KnownDifferences load(String text) throws IOException {
    Path tsv = dir.resolve("known-differences.tsv");
    Files.writeString(tsv, text);
    return KnownDifferences.load(tsv);
  }
}
