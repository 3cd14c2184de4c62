package org.morgue.indexer.enrich.hedge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a candidate hedge cue is used in its uncertain sense, by a logistic-regression model over
 * {@link CueContext}'s features: the weight of each feature present is summed into the log-odds of
 * "hedge". The model is trained on the annotated dev sentences by the eval module
 * ({@code ./morgue eval --train-cue-sense}) and ships as the resource {@value #RESOURCE}; nothing is
 * learnt or downloaded at run time. Thread-safe and immutable.
 */
public final class CueSense {
  /** The model's resource, next to the lexicon. */
  public static final String RESOURCE = "cue-sense.tsv";
  /** The line of the file that holds the decision threshold, a probability. */
  public static final String THRESHOLD = "threshold";

  private final Map<String, Double> weights;
  private final double threshold;

  public CueSense(Map<String, Double> weights, double threshold) {
    this.weights = Map.copyOf(weights);
    this.threshold = threshold;
  }

  /** The model that ships with Morgue, or none when the resource is absent (a build before training). */
  public static Optional<CueSense> fromResources() {
    try (InputStream in = CueSense.class.getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a model: comment lines start with '#'; then "threshold TAB p" and "feature TAB weight" lines. */
  public static CueSense read(InputStream in) throws IOException {
    Map<String, Double> weights = new HashMap<>();
    double threshold = 0.5;
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.lastIndexOf('\t');
      if (tab < 0) {
        throw new IOException(RESOURCE + " line " + number + ": expected feature TAB weight");
      }
      double value = Double.parseDouble(line.substring(tab + 1));
      if (line.substring(0, tab).equals(THRESHOLD)) {
        threshold = value;
      } else {
        weights.put(line.substring(0, tab), value);
      }
    }
    return new CueSense(weights, threshold);
  }

  /** The probability that a cue with these features is a hedge. */
  public double probability(List<String> features) {
    double logit = 0;
    for (String feature : features) {
      logit += weights.getOrDefault(feature, 0.0);
    }
    return 1 / (1 + Math.exp(-logit));
  }

  /** Whether a cue with these features is taken for a hedge. */
  public boolean isHedge(List<String> features) {
    return probability(features) >= threshold;
  }
}
