package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** One table of exit codes: {@link ExitCodes}, {@code --help} and the README say the same. */
class ExitCodeTableTest {
  @Test
  void helpAndReadmeList_theSameCodesInTheSameWords() throws IOException {
    Map<Integer, String> help = new TreeMap<>();
    for (String entry : ExitCodeHelp.class.getAnnotation(Command.class).exitCodeList()) {
      int colon = entry.indexOf(':');
      help.put(Integer.parseInt(entry.substring(0, colon)), entry.substring(colon + 1));
    }
    Map<Integer, String> readme = new TreeMap<>();
    for (String line : readmeTable()) {
      String[] cells = line.split(" \\| ");
      readme.put(Integer.parseInt(cells[0].substring(2)), cells[1].substring(0, cells[1].length() - 2)
          .replace("`", ""));
    }
    assertEquals(help, readme);
  }

  @Test
  void everyExitCodeConstant_isInTheTable() throws IllegalAccessException {
    List<Integer> constants = new ArrayList<>();
    for (Field f : ExitCodes.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        constants.add(f.getInt(null));
      }
    }
    List<Integer> listed = new ArrayList<>();
    for (String entry : ExitCodeHelp.class.getAnnotation(Command.class).exitCodeList()) {
      listed.add(Integer.parseInt(entry.substring(0, entry.indexOf(':'))));
    }
    constants.sort(null);
    assertEquals(constants, listed);
  }

  /** The rows of the table under the README's "## Exit codes". */
  private static List<String> readmeTable() throws IOException {
    List<String> rows = new ArrayList<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(SampleCaptures.ROOT.resolve("README.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Exit codes");
      } else if (inSection && line.matches("\\| \\d+ \\| .* \\|")) {
        rows.add(line);
      }
    }
    return rows;
  }
}
