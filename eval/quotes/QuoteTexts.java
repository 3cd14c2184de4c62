import java.nio.file.*;
import java.util.*;
import org.morgue.article.*;
import org.morgue.indexer.source.*;

/** What the annotators of eval/quotes read: java -cp "eval/target/lib/*" eval/quotes/QuoteTexts.java . */
public class QuoteTexts {
  public static void main(String[] a) throws Exception {
    Path root = Path.of(a.length > 0 ? a[0] : ".");
    ArticleFiles files = ArticleFiles.standard();
    List<String> lines = Files.readAllLines(root.resolve("eval/actors/gold.tsv"));
    Map<String, StringBuilder> out = new LinkedHashMap<>();
    String ref = null; String split = null; StringBuilder cur = null; List<String> actors = new ArrayList<>();
    List<String[]> arts = new ArrayList<>();
    Map<String, List<String>> gold = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] f = line.split("\t");
      if (f[0].equals("@")) { arts.add(f); gold.put(f[1], new ArrayList<>()); ref = f[1]; continue; }
      if (!f[1].strip().equals("place")) gold.get(ref).add(f[0] + "\t" + f[1].strip());
    }
    Map<String, StringBuilder> bySplit = new TreeMap<>();
    for (String[] f : arts) {
      String r = f[1]; int blocks = Integer.parseInt(f[3].strip());
      int hash = r.indexOf('#');
      String path = hash < 0 ? r : r.substring(0, hash);
      List<Article> list = new ArrayList<>();
      for (Path file : files.files(List.of(root.resolve(path)))) {
        files.read(file, new ArticleSink() {
          public void accept(Article x) { list.add(x); }
          public void reject(MalformedArticleException p) { throw new IllegalStateException(p); }
        });
      }
      Article art = hash < 0 ? list.get(0) : list.stream().filter(x -> x.id().equals(r.substring(hash + 1))).findFirst().get();
      List<Block> bl = art.blocks();
      if (blocks > 0 && blocks < bl.size()) bl = bl.subList(0, blocks);
      StringBuilder sb = bySplit.computeIfAbsent(f[2], k -> new StringBuilder());
      sb.append("=== ").append(r).append("\n");
      sb.append("[ACTORS NAMED IN THIS TEXT (people, organisations, government bodies, groups)]\n");
      for (String g : gold.get(r)) sb.append("  ").append(g).append("\n");
      sb.append("[TEXT]\n").append(art.title()).append("\n\n");
      for (Block b : bl) sb.append(b.text()).append("\n\n");
      sb.append("[END]\n\n");
    }
    for (var e : bySplit.entrySet()) Files.writeString(Path.of("/tmp/texts-" + e.getKey() + ".txt"), e.getValue());
  }
}
