package io.portflow.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture under {@code corpus/} (real public captures and the namespace captures) read by
 * our reader and {@code FlowAnalyzer}, compared connection by connection with tshark's packets and
 * frame bytes per direction ({@code F.streams.csv} beside each capture). Differences made on
 * purpose are listed, with the reason, in {@code corpus/known-differences.tsv}; an unlisted
 * difference fails, and so does a listed one that no longer occurs.
 */
class TsharkAgreementTest {
  private static final String STREAMS_SUFFIX = ".streams.csv";
  /** Fewer fixtures than this means the resources were not found or not copied. */
  private static final int MIN_FIXTURES = 80;

  @TestFactory
  Stream<DynamicTest> eachFixtureAgreesWithTsharkOrTheDifferenceIsListed() throws IOException {
    Path root = corpusRoot();
    KnownDifferences known = KnownDifferences.load(root.resolve("known-differences.tsv"));
    return fixtures(root).stream()
        .map(csv -> DynamicTest.dynamicTest(name(root, csv), csv.toUri(), () -> check(root, csv, known)));
  }

  @Test
  void theCorpusHoldsTheFixtures() throws IOException {
    int found = fixtures(corpusRoot()).size();
    assertTrue(found >= MIN_FIXTURES, "found " + found + " fixtures with a " + STREAMS_SUFFIX
        + " under " + corpusRoot() + " (expected: at least " + MIN_FIXTURES + ")");
  }

  @Test
  void everyKnownDifferenceNamesAFixture() throws IOException {
    Path root = corpusRoot();
    Set<String> names = fixtures(root).stream().map(csv -> name(root, csv)).collect(Collectors.toSet());
    KnownDifferences known = KnownDifferences.load(root.resolve("known-differences.tsv"));
    List<String> strays = known.all().stream()
        .filter(row -> !names.contains(row.file()))
        .map(row -> "line " + row.line() + ": " + row.file())
        .toList();
    assertEquals(List.of(), strays, "known-differences.tsv rows naming no fixture");
  }

  private static void check(Path root, Path csv, KnownDifferences known) throws IOException {
    String name = name(root, csv);
    Path capture = capture(csv);
    List<TsharkStream> streams = StreamsCsv.read(csv);
    InProcessAnalysis portflow = InProcessAnalysis.of(capture);
    List<Difference> differences = new ArrayList<>();
    if (portflow.readError() != null) {
      differences.add(new Difference("read", "portflow cannot read it: " + portflow.readError()));
    }
    differences.addAll(ConnectionMatcher.compare(streams, portflow.flows()));
    List<String> problems = known.problems(name, differences);
    if (!problems.isEmpty()) {
      fail(name + ": tshark has " + streams.size() + " stream(s), portflow " + portflow.flows().size()
          + " flow(s); " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }
  }

  static Path corpusRoot() {
    URL url = TsharkAgreementTest.class.getResource("/corpus");
    if (url == null) {
      throw new IllegalStateException("no corpus/ on the test class path (expected: cli/src/test/resources/corpus)");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("corpus/ at an unusable location: " + url, e);
    }
  }

  /** The {@code .streams.csv} of every fixture, in path order. */
  static List<Path> fixtures(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(STREAMS_SUFFIX))
          .filter(p -> Files.isRegularFile(capture(p)))
          .sorted()
          .toList();
    }
  }

  static Path capture(Path csv) {
    String name = csv.getFileName().toString();
    return csv.resolveSibling(name.substring(0, name.length() - STREAMS_SUFFIX.length()));
  }

  /** The capture's path relative to corpus/, with forward slashes: its name in known-differences.tsv. */
  static String name(Path root, Path csv) {
    return root.relativize(capture(csv)).toString().replace('\\', '/');
  }
}
