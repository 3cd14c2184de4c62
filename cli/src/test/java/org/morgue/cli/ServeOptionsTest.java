package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.morgue.server.HttpOptions;
import org.morgue.server.http.PublicAddress;
import picocli.CommandLine;

/** The HTTP options of {@code morgue serve}: what the command line accepts and refuses. */
class ServeOptionsTest {

  @Test
  void theServeCommandTakesRepeatedCorsOriginsAndRefusesNonOrigins() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--cors-origin", "https://desk.example.org", "--cors-origin", "http://localhost:3000");
    assertEquals(List.of("https://desk.example.org", "http://localhost:3000"), serve.corsOrigins);
    assertThrows(IllegalArgumentException.class, () -> new HttpOptions(List.of("desk.example.org"), 4, 16));
    assertThrows(IllegalArgumentException.class, () -> new HttpOptions(List.of("https://desk.example.org/app"), 4, 16));
  }

  @Test
  void thePublicUrlIsAnOptionOfServeAndMustBeAWebAddress() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--public-url", "https://news.example.org/morgue");
    assertEquals("https://news.example.org/morgue", serve.publicUrl);
    assertThrows(IllegalArgumentException.class, () -> PublicAddress.of("ftp://news.example.org"));
    assertThrows(IllegalArgumentException.class, () -> PublicAddress.of("https://ana@news.example.org"));
    assertDoesNotThrow(() -> PublicAddress.of("http://localhost:7070/"));
  }

  @Test
  void theBoundsAreOptionsOfServe() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--max-concurrent-searches", "3", "--search-queue", "0");
    assertEquals(3, serve.maxConcurrentSearches);
    assertEquals(0, serve.searchQueue);
    assertTrue(HttpOptions.defaults().maxConcurrentSearches() >= 4);
  }

  /**
   * picocli formats each description with String.format when it prints the help, so a bare '%' (as in
   * "printf %s") made {@code --help} print three "Could not format" warnings before the usage. Read from
   * the annotations, as written, because the option model hands them back already unescaped.
   */
  @Test
  void everyOptionDescriptionOfServeAndIndexFormats() {
    for (Class<?> command : List.of(ServeCommand.class, IndexCommand.class)) {
      for (java.lang.reflect.Field field : command.getDeclaredFields()) {
        CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
        for (String line : option == null ? new String[0] : option.description()) {
          assertDoesNotThrow(() -> String.format(line), field.getName() + ": " + line);
        }
      }
    }
  }
}
