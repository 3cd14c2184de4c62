package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.morgue.article.EnrichedArticle;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.AddedOrder;

/**
 * Where an archive lives in a cluster: a versioned index ({@code morgue-v1-20261202t171500}) reached
 * only through an alias ({@code morgue}). Readers and writers name the alias, so a mapping change
 * builds a new index beside the old one, copies the articles into it, and switches the alias in one
 * atomic step: searches answer from the old index until the moment the new one is complete.
 *
 * <p>The mapping's version and the last commit's metadata (when it was written, whether the run that
 * wrote it finished) live in the index's {@code _meta}, so any server over the alias can read them.
 * An index whose mapping is newer than this Morgue's is refused, for reading and writing: this
 * Morgue cannot know what it means, and moving it to an older mapping would drop what the newer one
 * added (an operator's trial: an older Morgue "migrated" a v99 index and deleted it).
 */
public final class ArchiveIndex {
  /** Bumped whenever the mapping or the documents change: a new index is built and the alias moved. */
  public static final String MAPPING_VERSION = "28";
  /** The alias a cluster's archive is reached through unless another is named. */
  public static final String DEFAULT_ALIAS = "morgue";
  public static final String MAPPING_KEY = "morgue.mapping";
  static final String COMMITTED_AT_KEY = "morgue.committedAt";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmssSSS").withZone(ZoneOffset.UTC);

  private final ClusterConnection connection;
  private final String alias;
  private final IndexSettings settings;
  private final Consumer<String> notices;

  /** How a new index is laid out over the cluster. */
  public record IndexSettings(int shards, int replicas) {
    /** Three shards, so an archive can spread over three nodes; one replica where there is a node to hold it. */
    public static final IndexSettings DEFAULT = new IndexSettings(3, 1);

    public IndexSettings {
      if (shards < 1 || replicas < 0) {
        throw new IllegalArgumentException("an index needs at least one shard and no negative replicas");
      }
    }
  }

  public ArchiveIndex(ClusterConnection connection, String alias, IndexSettings settings) {
    this(connection, alias, settings, notice -> {});
  }

  /**
   * The same, telling {@code notices} what it does to the cluster beyond writing articles: a new
   * archive created (a mistyped alias must not pass unnoticed), an archive moved to this mapping.
   */
  public ArchiveIndex(ClusterConnection connection, String alias, IndexSettings settings, Consumer<String> notices) {
    if (!alias.matches("[a-z0-9][a-z0-9_.-]*")) {
      throw new IllegalArgumentException("'" + alias + "' is not a valid index name: use lower-case letters, digits,"
          + " '-', '_' and '.'");
    }
    this.connection = connection;
    this.alias = alias;
    this.settings = settings;
    this.notices = notices;
  }

  /** The alias searches and writes go through. */
  public String alias() {
    return alias;
  }

  ClusterConnection connection() {
    return connection;
  }

  /**
   * Makes sure the alias points to an index with the current mapping: creates one if there is none,
   * and moves an archive written with an older mapping into a new index first. Call before writing.
   *
   * @return the name of the index the alias points to
   * @throws IOException also when the index behind the alias is not one this Morgue can read ({@link #readable})
   */
  public String prepare() throws IOException {
    Optional<String> current = currentIndex();
    if (current.isEmpty()) {
      return createArchive();
    }
    return current(current.get());
  }

  /**
   * The same for an archive that must be there, never creating one: what a running server reopens its
   * store with after a failed write. Its index deleted under it, {@link #prepare} made a new, empty
   * one behind the alias, which took the server's writes and answered every search from then on.
   *
   * @throws org.morgue.search.ArchiveGoneException when there is no archive behind the alias
   */
  public String prepareExisting() throws IOException {
    return current(currentIndex().orElseThrow(connection::archiveGone));
  }

  /** A new archive's index behind the alias, said to {@link #notices}. */
  private String createArchive() throws IOException {
    if (connection.exists("/" + alias)) {
      throw new IOException("'" + alias + "' in the cluster at " + connection.description()
          + " is an index, not an alias; Morgue keeps its archive behind an alias: name another with --opensearch-index");
    }
    String created = create();
    ObjectNode actions = ClusterConnection.object();
    actions.putArray("actions").addObject().putObject("add").put("index", created).put("alias", alias);
    connection.send("POST", "/_aliases", actions);
    notices.accept("created a new archive '" + alias + "' on the cluster at " + connection.description());
    return created;
  }

  /** The index the alias points to, moved to the current mapping first when it has an older one. */
  private String current(String current) throws IOException {
    int version = mappingVersion(current);
    if (version == Integer.parseInt(MAPPING_VERSION)) {
      return current;
    }
    long articles = connection.send("GET", "/" + current + "/_count", null).path("count").asLong();
    notices.accept("moving the archive '" + alias + "' from mapping " + version + " to " + MAPPING_VERSION
        + ", this Morgue's: copying its " + articles + " articles into a new index; the old one, " + current
        + ", is removed when done");
    return migrate(current);
  }

  /**
   * Checks that the index behind the alias, if there is one, is an archive this Morgue can read: one
   * Morgue wrote, with this mapping or an older one. Call before reading.
   *
   * @throws IOException naming what to do when it is not
   */
  public void readable() throws IOException {
    Optional<String> current = currentIndex();
    if (current.isPresent()) {
      mappingVersion(current.get());
    }
  }

  /** The mapping version of an archive's index; refused when it is newer than this Morgue's or not Morgue's. */
  private int mappingVersion(String index) throws IOException {
    String version = meta(index).path(MAPPING_KEY).asText("");
    if (!version.matches("[0-9]{1,9}")) {
      // Another tool's index behind the alias: a migration would have copied and dropped it.
      throw new IOException("the index behind alias '" + alias + "' on the cluster at " + connection.description()
          + " (" + index + ") holds no Morgue archive (no " + MAPPING_KEY + " in its _meta): name another"
          + " --opensearch-index");
    }
    int found = Integer.parseInt(version);
    if (found > Integer.parseInt(MAPPING_VERSION)) {
      throw new IOException("the index behind alias '" + alias + "' was written by a newer Morgue (mapping " + found
          + ", this one reads " + MAPPING_VERSION + "): upgrade Morgue, or index into another --opensearch-index");
    }
    return found;
  }

  /**
   * Points the alias at a new, empty index with the current mapping and drops the one it pointed
   * to: the first step of rebuilding an archive from scratch (the sample corpus, when it changed).
   *
   * @return the name of the new index
   */
  public String prepareEmpty() throws IOException {
    Optional<String> old = currentIndex();
    if (old.isEmpty()) {
      return prepare();
    }
    // A rebuild drops the old index: never one a newer Morgue wrote, nor another tool's.
    mappingVersion(old.get());
    String created = create();
    moveAlias(old.get(), created);
    connection.send("DELETE", "/" + old.get(), null);
    return created;
  }

  /** Whether the alias exists, i.e. an archive was ever written to this cluster under it. */
  public boolean exists() throws IOException {
    return currentIndex().isPresent();
  }

  /** The index the alias points to now; empty when there is no such alias. */
  Optional<String> currentIndex() throws IOException {
    connection.identify();
    if (!connection.exists("/_alias/" + alias)) {
      return Optional.empty();
    }
    JsonNode answer = connection.send("GET", "/_alias/" + alias, null);
    Iterator<String> names = answer.fieldNames();
    return names.hasNext() ? Optional.of(names.next()) : Optional.empty();
  }

  /** The metadata of the last commit; empty when there is no archive under the alias. */
  public Optional<Map<String, String>> lastCommitData() throws IOException {
    Optional<String> index = currentIndex();
    if (index.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> data = new HashMap<>();
    meta(index.get()).properties().forEach(field -> data.put(field.getKey(), field.getValue().asText()));
    return Optional.of(data);
  }

  /** Records a commit's metadata, with the time and the mapping version, in the index's {@code _meta}. */
  void recordCommit(Map<String, String> metadata) throws IOException {
    ObjectNode body = ClusterConnection.object();
    ObjectNode meta = body.putObject("_meta");
    metadata.forEach(meta::put);
    meta.put(MAPPING_KEY, MAPPING_VERSION);
    meta.put(COMMITTED_AT_KEY, Instant.now().toString());
    connection.send("PUT", "/" + alias + "/_mapping", body);
  }

  /** When the last commit was recorded; empty when none was. */
  Optional<Instant> lastCommit() throws IOException {
    Optional<String> index = currentIndex();
    if (index.isEmpty()) {
      return Optional.empty();
    }
    String at = meta(index.get()).path(COMMITTED_AT_KEY).asText("");
    return at.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(at));
  }

  private JsonNode meta(String index) throws IOException {
    JsonNode answer = connection.send("GET", "/" + index + "/_mapping", null);
    return answer.path(index).path("mappings").path("_meta");
  }

  /** Creates a new, empty index with the current mapping, and returns its name. */
  private String create() throws IOException {
    String name = alias + "-v" + MAPPING_VERSION + "-" + STAMP.format(Instant.now());
    ObjectNode body = mapping();
    ObjectNode index = (ObjectNode) body.path("settings").path("index");
    index.put("number_of_shards", settings.shards());
    index.put("number_of_replicas", settings.replicas());
    // A cluster of one node cannot hold a replica; an index whose replicas can never be placed stays
    // yellow for ever, so the count follows the nodes there are, up to the number asked for.
    index.put("auto_expand_replicas", "0-" + settings.replicas());
    ((ObjectNode) body.path("mappings")).putObject("_meta").put(MAPPING_KEY, MAPPING_VERSION);
    connection.send("PUT", "/" + name, body);
    connection.send("GET", "/_cluster/health/" + name, Map.of("wait_for_status", "yellow", "timeout", "60s"), null,
        "application/json");
    return name;
  }

  /**
   * Copies every article from the index of an older mapping into a new one, rebuilding each document
   * from the article it holds (not re-enriching it) and the collections it was in (which no article
   * records, so nothing else could restore them), its story and band keys (a story is decided once,
   * when the article is indexed; see {@link ArticleDocument#storyEntry}), then moves the alias and
   * drops the old index.
   */
  private String migrate(String old) throws IOException {
    String created = create();
    ArticleDocument documents = new ArticleDocument();
    try (BulkWriter bulk = new BulkWriter(connection, created)) {
      new IndexScan(connection, old, null, null).withStoredFields(ArticleDocument.STORY_BAND).forEach(hit -> {
        JsonNode source = hit.path("_source");
        EnrichedArticle article = documents.article(source);
        ObjectNode document = documents.build(article, ArticleDocument.collections(source),
            source.path(ArticleDocument.FINGERPRINT).asText(), ArticleDocument.storyEntry(hit));
        // An index from before writes were numbered holds its articles as one write, numbered 0.
        JsonNode added = source.path(ArticleDocument.ADDED);
        document.put(ArticleDocument.ADDED, added.canConvertToLong() ? added.asLong()
            : AddedOrder.key(0, article.article().published()));
        // When it was added, where the old index kept it: an index from before then does not say.
        JsonNode addedAt = source.path(ArticleDocument.ADDED_AT);
        if (addedAt.canConvertToLong()) {
          document.put(ArticleDocument.ADDED_AT, addedAt.asLong());
        }
        bulk.index(source.path(ArticleDocument.ID).asText(), document);
      });
      bulk.flush();
    }
    connection.send("POST", "/" + created + "/_refresh", null);
    // The commit's metadata (when, and whether the run that wrote it finished) moves with the articles.
    ObjectNode meta = ClusterConnection.object();
    meta.set("_meta", meta(old));
    ((ObjectNode) meta.path("_meta")).put(MAPPING_KEY, MAPPING_VERSION);
    connection.send("PUT", "/" + created + "/_mapping", meta);
    moveAlias(old, created);
    connection.send("DELETE", "/" + old, null);
    return created;
  }

  /** Moves the alias from one index to another in one atomic step: no search sees neither. */
  private void moveAlias(String from, String to) throws IOException {
    ObjectNode body = ClusterConnection.object();
    ArrayNode actions = body.putArray("actions");
    actions.addObject().putObject("remove").put("index", from).put("alias", alias);
    actions.addObject().putObject("add").put("index", to).put("alias", alias);
    connection.send("POST", "/_aliases", body);
  }

  private static ObjectNode mapping() {
    try (InputStream in = ArchiveIndex.class.getResourceAsStream("mapping.json")) {
      if (in == null) {
        throw new IllegalStateException("mapping.json is missing from the engine's resources");
      }
      ObjectNode mapping = (ObjectNode) ClusterConnection.json().readTree(in);
      // The words searched as one word come from the embedded engine's list, so the two cannot differ.
      ArrayNode rules = ((ObjectNode) mapping.at("/settings/analysis/filter/morgue_word_forms")).putArray("rules");
      ArchiveSchema.wordForms().rules().forEach(rules::add);
      ArrayNode spellings = ((ObjectNode) mapping.at("/settings/analysis/filter/morgue_spellings")).putArray("synonyms");
      ArchiveSchema.wordForms().spellingRules().forEach(spellings::add);
      return mapping;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
