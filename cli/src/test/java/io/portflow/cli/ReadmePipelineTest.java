package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code console} examples that pipe {@code ./portflow analyze} into jq: portflow runs
 * in process, its output goes through the real jq (with {@code sh -c}, from the repository root),
 * and what comes out must be what the README shows. Skipped when jq is not installed.
 */
class ReadmePipelineTest {
  private static final String FENCE = "```";
  private static final String PROMPT = "$ ./portflow ";

  /** One block: the portflow command, the shell pipeline after it, and the output shown. */
  private record Pipeline(String command, String pipe, String output) {}

  @Test
  void jqPipelinesPrintWhatTheReadmeShows() throws IOException, InterruptedException {
    assumeTrue(jqInstalled(), "jq is not installed (Debian: apt-get install jq)");
    List<String> lines = Files.readAllLines(SampleCaptures.ROOT.resolve("README.md"));
    List<Pipeline> pipelines = pipelines(lines);
    assertTrue(pipelines.size() >= 4, "jq examples in README.md: " + pipelines);
    List<String> stale = new ArrayList<>();
    for (Pipeline pipeline : pipelines) {
      Run run = Run.of(expand(ReadmeExampleTest.arguments(pipeline.command())));
      assertEquals("", run.err(), pipeline.command());
      assertEquals(0, run.exitCode(), pipeline.command());
      String output = shell(pipeline.pipe(), SampleCaptures.asFromRoot(run.out()));
      if (!output.equals(pipeline.output())) {
        stale.add("$ ./portflow " + pipeline.command() + " | " + pipeline.pipe()
            + "\n--- README.md shows:\n" + pipeline.output() + "--- it prints:\n" + output);
      }
    }
    assertEquals(List.of(), stale, "README.md pipelines are stale");
  }

  /**
   * Blocks whose command, joined across {@code \} line ends and open single quotes, pipes portflow
   * into jq.
   */
  private static List<Pipeline> pipelines(List<String> lines) {
    List<Pipeline> pipelines = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!lines.get(i).equals(FENCE + "console") || !lines.get(i + 1).startsWith(PROMPT)) {
        continue;
      }
      StringBuilder command = new StringBuilder();
      int at = i + 1;
      String line = lines.get(at).substring(PROMPT.length());
      while (line.endsWith("\\") || openQuote(command + line)) {
        if (line.endsWith("\\")) {
          command.append(line, 0, line.length() - 1).append(' ');
        } else {
          command.append(line).append('\n'); // a jq program that goes on in single quotes
        }
        line = lines.get(++at).strip();
      }
      command.append(line);
      int pipe = command.indexOf("| jq ");
      if (pipe < 0) {
        continue;
      }
      StringBuilder output = new StringBuilder();
      for (at++; at < lines.size() && !lines.get(at).equals(FENCE); at++) {
        output.append(lines.get(at)).append('\n');
      }
      pipelines.add(new Pipeline(command.substring(0, pipe).strip(),
          command.substring(pipe + 1).strip(), output.toString()));
    }
    return pipelines;
  }

  private static boolean openQuote(String text) {
    return text.chars().filter(c -> c == '\'').count() % 2 == 1;
  }

  /** Expands a {@code *} in a file name as the shell would (sorted), for sample-pcaps/ globs. */
  private static String[] expand(String[] words) throws IOException {
    List<String> expanded = new ArrayList<>();
    for (String word : words) {
      Path path = Path.of(word);
      if (!path.getFileName().toString().contains("*")) {
        expanded.add(word);
        continue;
      }
      List<String> matches = new ArrayList<>();
      try (DirectoryStream<Path> dir =
          Files.newDirectoryStream(path.getParent(), path.getFileName().toString())) {
        dir.forEach(p -> matches.add(p.toString()));
      }
      matches.sort(null);
      expanded.addAll(matches);
    }
    return expanded.toArray(new String[0]);
  }

  private static String shell(String pipe, String input) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("sh", "-c", pipe)
        .directory(SampleCaptures.ROOT.toFile())
        .redirectErrorStream(true)
        .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), pipe);
    assertEquals(0, process.exitValue(), pipe + "\n" + output);
    return output;
  }

  private static boolean jqInstalled() throws InterruptedException {
    try {
      return new ProcessBuilder("sh", "-c", "command -v jq").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
