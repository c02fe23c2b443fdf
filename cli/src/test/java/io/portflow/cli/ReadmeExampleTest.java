package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.cli.fixtures.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code console} examples that run {@code ./portflow analyze}, alone or piped into
 * {@code head -N}, are run here in process and must print what the README shows, so they cannot
 * rot. The first one (the quick start) must exist and show flows. With
 * {@code -Dportflow.golden.update=true} the README's blocks are rewritten instead.
 */
class ReadmeExampleTest {
  private static final String FENCE = "```";
  private static final String PROMPT = "$ ./portflow ";
  private static final Pattern HEAD = Pattern.compile("^(.*?)\\s*\\|\\s*head -(\\d+)$");

  /** One block: its command and output, and which README lines hold the output. */
  private record Example(String command, int headLines, int firstOutputLine, int fenceLine, String output) {}

  @Test
  void analyzeExamplesPrintWhatTheReadmeShows() throws IOException {
    Path readme = SampleCaptures.ROOT.resolve("README.md");
    List<String> lines = new ArrayList<>(Files.readAllLines(readme, StandardCharsets.UTF_8));
    List<Example> examples = examples(lines);
    assertTrue(!examples.isEmpty() && examples.get(0).command().startsWith("analyze sample-pcaps/"),
        "README.md starts with a ```console block running ./portflow analyze on a sample: " + examples);

    List<String> stale = new ArrayList<>();
    // Bottom up, so that rewriting a block keeps the line numbers of the ones above valid.
    for (int i = examples.size() - 1; i >= 0; i--) {
      Example example = examples.get(i);
      String output = run(example);
      if (i == 0) {
        assertTrue(output.contains("\n0  "), "the quick start shows flows: " + output);
      }
      if (Golden.updating()) {
        List<String> block = Arrays.asList(output.split("\n"));
        lines.subList(example.firstOutputLine(), example.fenceLine()).clear();
        lines.addAll(example.firstOutputLine(), block);
      } else if (!output.equals(example.output())) {
        stale.add("$ ./portflow " + example.command() + "\n--- README.md shows:\n" + example.output()
            + "--- portflow prints:\n" + output);
      }
    }
    if (Golden.updating()) {
      Files.writeString(readme, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
    assertEquals(List.of(), stale, "README.md examples are stale (regenerate with mvn test -D"
        + Golden.UPDATE_PROPERTY + "=true and review the diff)");
  }

  private static String run(Example example) {
    Run run = Run.of(arguments(example.command()));
    assertEquals("", run.err(), example.command());
    assertEquals(0, run.exitCode(), example.command());
    String output = SampleCaptures.asFromRoot(run.out());
    if (example.headLines() > 0) {
      String[] lines = output.split("\n", -1);
      output = String.join("\n", Arrays.copyOf(lines, Math.min(example.headLines(), lines.length))) + "\n";
    }
    return output;
  }

  private static List<Example> examples(List<String> lines) {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      String first = lines.get(i + 1);
      if (!lines.get(i).equals(FENCE + "console") || !first.startsWith(PROMPT + "analyze ")
          || first.endsWith("\\")) {
        continue;
      }
      String command = first.substring(PROMPT.length());
      int head = 0;
      Matcher piped = HEAD.matcher(command);
      if (piped.matches()) {
        command = piped.group(1);
        head = Integer.parseInt(piped.group(2));
      } else if (command.contains("|")) {
        continue;
      }
      int end = i + 2;
      StringBuilder output = new StringBuilder();
      while (end < lines.size() && !lines.get(end).equals(FENCE)) {
        output.append(lines.get(end++)).append('\n');
      }
      examples.add(new Example(command, head, i + 2, end, output.toString()));
    }
    return examples;
  }

  /** Shell words (single quotes group), with sample-pcaps/ paths made absolute: surefire runs in cli/. */
  static String[] arguments(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : command.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).startsWith("sample-pcaps/")) {
        words.set(i, SampleCaptures.ROOT.resolve(words.get(i)).toString());
      }
    }
    return words.toArray(new String[0]);
  }
}
