package org.morgue.server;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.head;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;
import static org.morgue.server.live.WriteAccess.Role.WRITER;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.morgue.curation.Curation;
import org.morgue.curation.CurationException;
import org.morgue.curation.StoryRecord;
import org.morgue.article.text.SentenceSplitter;
import org.morgue.article.text.VersionDiff;
import org.morgue.search.FilterNames;
import org.morgue.search.ArchiveGoneException;
import org.morgue.search.ArchiveUnavailableException;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchEngine;
import org.morgue.server.api.QueryStrings;
import org.morgue.server.api.SearchParameters;
import org.morgue.server.api.ArticleHandler;
import org.morgue.server.api.ArticleViewTags;
import org.morgue.server.api.QueryWordsHandler;
import org.morgue.server.api.DiffHandler;
import org.morgue.server.api.ExportHandler;
import org.morgue.server.api.FeedHandler;
import org.morgue.server.api.ProblemTypesHandler;
import org.morgue.server.api.RelatedHandler;
import org.morgue.server.api.SearchHandler;
import org.morgue.server.api.ServiceHandlers;
import org.morgue.server.api.SuggestHandler;
import org.morgue.server.curation.ChangeHandlers;
import org.morgue.server.curation.CollectionExports;
import org.morgue.server.curation.CollectionHandlers;
import org.morgue.server.curation.CorrectionHandlers;
import org.morgue.server.curation.CurationRequests;
import org.morgue.server.curation.CuratorHandler;
import org.morgue.server.curation.SavedSearchHandlers;
import org.morgue.server.curation.StoryFilingHandlers;
import org.morgue.server.curation.StoryHandlers;
import org.morgue.server.http.AcceptedCodings;
import org.morgue.server.http.AccessLog;
import org.morgue.server.http.CodedTags;
import org.morgue.server.http.Cors;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.JsonAnswers;
import org.morgue.server.http.PageFiles;
import org.morgue.server.http.RequestIds;
import org.morgue.server.http.SearchAdmission;
import org.morgue.server.http.SecurityHeaders;
import org.morgue.server.http.Vary;
import org.morgue.server.live.ArchiveFollower;
import org.morgue.server.live.ArticleWriteHandlers;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.morgue.server.live.WriteAccess;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.Problem;
import org.morgue.server.problem.ProblemCode;
import org.morgue.server.problem.ProblemErrorPages;
import org.morgue.server.view.ApiViews;
import org.morgue.server.view.ContractJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin application on one screen: the JSON mapper and static files, the filters every request
 * passes, the one check of who may write, the route tree (read top-down, it is the API's URL tree,
 * each path naming its resource's handler), and the one place exceptions become problem answers.
 */
public final class MorgueServer {
  private static final Logger LOG = LoggerFactory.getLogger(MorgueServer.class);
  /** How long a client should wait before asking an unavailable archive again: a node restarts in seconds. */
  static final int ARCHIVE_RETRY_AFTER_SECONDS = 5;
  /** The page loads only its own scripts and styles: markup smuggled in an article can never run. */
  static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

  /** Where the OpenAPI description of every endpoint lives on the classpath. */
  static final String OPENAPI_RESOURCE = "/org/morgue/server/openapi.json";

  private MorgueServer() {}

  /** How long a stop waits for the requests under way; a process manager's own grace should be longer. */
  public static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(30);

  /**
   * Stops a server as {@code morgue serve} does on SIGTERM or Ctrl-C: new connections are refused at
   * once and the requests under way finish, for up to {@link #STOP_GRACE}, before the connections
   * close, so a curator's write is answered, not cut off after it was stored (operator's trial,
   * session 39). A plain {@code stop()} does not wait: tests stop servers with requests they left
   * hanging on purpose.
   */
  public static void stopGracefully(Javalin app) {
    app.jettyServer().server().setStopTimeout(STOP_GRACE.toMillis());
    app.stop();
  }

  /** Creates (but does not start) a read-only server over a searcher: write requests are answered 403. */
  public static Javalin create(SearchEngine searcher) {
    return create(searcher, Optional.empty());
  }

  /** Creates (but does not start) the server over a searcher, taking changes when live updates are given. */
  public static Javalin create(SearchEngine searcher, Optional<LiveUpdates> live) {
    return create(searcher, live, HttpOptions.defaults());
  }

  /** Creates (but does not start) the server, treating clients as the options say. */
  public static Javalin create(SearchEngine searcher, Optional<LiveUpdates> live, HttpOptions options) {
    return create(searcher, live, options, Optional.empty());
  }

  /**
   * Creates (but does not start) the server, keeping the curators' work in {@code curation} (whose
   * changes the live updates' index writes into the articles).
   */
  public static Javalin create(SearchEngine searcher, Optional<LiveUpdates> live, HttpOptions options,
      Optional<Curation> curation) {
    return create(searcher, live, options, AccessLog.toLogger(),
        new SearchAdmission(options.maxConcurrentSearches(), options.searchQueue()), curation);
  }

  /**
   * As {@link #create(SearchEngine, Optional, HttpOptions)}, with the access log going where a test
   * wants it and the admission bound a test can fill itself.
   */
  static Javalin create(SearchEngine searcher, Optional<LiveUpdates> live, HttpOptions options,
      AccessLog accessLog, SearchAdmission admission) {
    return create(searcher, live, options, accessLog, admission, Optional.empty());
  }

  static Javalin create(SearchEngine searcher, Optional<LiveUpdates> live, HttpOptions options,
      AccessLog accessLog, SearchAdmission admission, Optional<Curation> curation) {
    Cors cors = new Cors(options.corsOrigins());
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .registerModule(ContractJson.module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    String version = MorgueVersion.read();
    String build = MorgueVersion.build();
    // A story's record a curator picked, and which versions a curator filed, are read when the story
    // is shown (docs/stories.md).
    ApiViews.RecordPicks picks = curation.<ApiViews.RecordPicks>map(kept -> new ApiViews.RecordPicks() {
      @Override
      public Optional<String> of(String storyId) {
        return kept.storyRecord(storyId).map(StoryRecord::articleId);
      }

      @Override
      public boolean filed(String articleId) {
        return kept.filing(articleId).isPresent();
      }
    }).orElse(ApiViews.RecordPicks.NONE);
    Freshness freshness = new Freshness(searcher, build, () -> curation.map(Curation::storyRecordsSeq).orElse(0L));
    CurationRequests curating = new CurationRequests(curation, live);
    FilterNames.Lookup names = curating.filterNames(searcher);
    SearchHandler search = new SearchHandler(searcher, names, freshness, picks);
    ApiViews.CorrectionNotes corrected = curation.<ApiViews.CorrectionNotes>map(kept -> articleId ->
        kept.articleCorrection(articleId).map(c -> new ApiViews.CorrectedView(c.correctedFields(), c.curator(), c.updated())))
        .orElse(ApiViews.CorrectionNotes.NONE);
    ApiViews.ActorRenames renames = curation.<ApiViews.ActorRenames>map(kept -> kept::canonicalName).orElse(ApiViews.ActorRenames.NONE);
    ArticleViewTags articleTags = new ArticleViewTags(searcher, picks);
    ArticleHandler article = new ArticleHandler(searcher, freshness, picks, corrected, renames, articleTags);
    DiffHandler diff = new DiffHandler(searcher, new VersionDiff(SentenceSplitter.fromResources()), freshness);
    RelatedHandler related = new RelatedHandler(searcher, freshness, picks);
    QueryWordsHandler queryWords = new QueryWordsHandler(searcher, freshness);
    SuggestHandler suggest = new SuggestHandler(searcher);
    ExportHandler export = new ExportHandler(searcher, names, version, freshness, options.address());
    FeedHandler feed = new FeedHandler(searcher, names, freshness, options.address());
    ServiceHandlers service = new ServiceHandlers(searcher, live.isPresent(), openApiDocument());
    ProblemTypesHandler problems = new ProblemTypesHandler();
    ArticleWriteHandlers writes = new ArticleWriteHandlers(live, articleTags);
    PageFiles pageFiles = new PageFiles(build);
    CollectionHandlers collections = new CollectionHandlers(curating, searcher);
    CollectionExports collectionFiles = new CollectionExports(curating, searcher, version, freshness, options.address());
    SavedSearchHandlers savedSearches = new SavedSearchHandlers(curating, searcher, feed);
    CorrectionHandlers corrections = new CorrectionHandlers(curating, searcher);
    ChangeHandlers changes = new ChangeHandlers(curating, freshness);
    CuratorHandler curator = new CuratorHandler();
    StoryHandlers stories = new StoryHandlers(curating, searcher, picks, freshness);
    StoryFilingHandlers filings = new StoryFilingHandlers(curating, searcher);
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.startup.showJavalinBanner = false;
      // The compression CodedTags marks strong tags by: the two must agree on what is compressed.
      config.http.compressionStrategy = CodedTags.COMPRESSION;
      // And both read Accept-Encoding as RFC 9110 does (a wildcard, q-values), not as exact words.
      config.jetty.modifyServletContextHandler(handler -> handler.addFilter(AcceptedCodings.class, "/*",
          java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
      // A known path asked with the wrong method is a 405 naming the allowed methods, not a 404.
      config.http.prefer405over404 = true;
      // Jetty refuses request lines over 8 KB with a bare HTML 414; let long queries through to the
      // API's own limit (SearchEngine.MAX_QUERY_LENGTH), which answers a 400 problem naming q.
      config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(256 * 1024));
      // Requests Jetty refuses itself (an ambiguous path such as /../etc/passwd, /api/articles/%00, a
      // request line it cannot parse) are problems too, with the same headers.
      config.jetty.modifyServer(server -> {
        server.setErrorHandler(new ProblemErrorPages(mapper));
        // Jetty's request log sees every request, those it refuses itself included.
        server.setRequestLog(accessLog);
        // Counts the requests under way, so that stopGracefully can wait for them.
        server.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
      });
      config.resourceHandler(pageFiles);
      // The page's files twice: under a folder named by the build's stamp, kept a year (the page
      // itself refers to them there), and under their plain names, revalidated on each use.
      config.staticFiles.add(files -> {
        files.hostedPath = pageFiles.stampedPath();
        files.directory = PageFiles.DIRECTORY;
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Cache-Control", PageFiles.IMMUTABLE);
      });
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = PageFiles.DIRECTORY;
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Cache-Control", PageFiles.CACHE_CONTROL);
      });

      // Commits other writers make to the archive are searched within seconds, while the server runs.
      AtomicReference<ArchiveFollower> follower = new AtomicReference<>();
      config.events.serverStarted(() -> follower.set(ArchiveFollower.start(searcher)));
      config.events.serverStopping(() -> Optional.ofNullable(follower.getAndSet(null)).ifPresent(ArchiveFollower::close));

      // Every request, matched or not: the headers every answer carries.
      // Links the API answers with (a next page) are made under the public URL's path (PublicAddress).
      config.routes.before(options.address()::attach);
      config.routes.before(SecurityHeaders::apply);
      config.routes.before(RequestIds::apply);
      config.routes.before(cors::apply);
      // Any answer may be compressed (Javalin gzips those of 1,500 bytes or more when asked).
      config.routes.before(ctx -> Vary.add(ctx, "Accept-Encoding"));
      // A read's If-Match names a tag of its answer or is refused (Freshness.requireMatch); reads that
      // go through Freshness were checked there, before their 304.
      config.routes.after("/api/*", Freshness::requireMatch);
      // And a gzipped answer must not share a strong tag with the plain one (CodedTags).
      config.routes.after(CodedTags::mark);
      // A 204 has no body to type: Javalin's default text/plain on it told clients of a body that is not there.
      config.routes.after(ctx -> {
        if (ctx.status().getCode() == 204) {
          ctx.res().setContentType(null);
        }
      });
      // Every matched request: who may write, decided once, from the route's roles.
      config.routes.beforeMatched(new WriteAccess(live));
      // Every write: a query parameter it does not take is refused, as every read's are.
      config.routes.beforeMatched(ctx -> {
        if (ctx.routeRoles().contains(WriteAccess.Role.WRITER) && ctx.method() != HandlerType.GET
            && ctx.method() != HandlerType.HEAD) {
          QueryStrings.writeParameters(ctx);
        }
      });
      // Every matched API request: a client whose Accept takes no JSON is told so, not sent JSON.
      config.routes.beforeMatched(JsonAnswers::require);
      // Every API request: a query string is read as sent or refused, never guessed at.
      config.routes.before("/api/*", QueryStrings::requireWellFormed);

      // The API, as its URL tree. Reads of the index wait for room (admission); writes need WRITER.
      config.routes.apiBuilder(() -> path("/api", () -> {
        read("search", admission.guard(search::search));
        path("articles", () -> {
          post(writes::post, WRITER);
          path("{id}", () -> {
            read(takes(admission.guard(article::article)));
            delete(writes::delete, WRITER);
            read("related", admission.guard(related::related));
            read("matches", admission.guard(queryWords::matches));
            read("diff", admission.guard(diff::diff));
            // A curator's filing of the article in a story, or apart (docs/stories.md).
            path("story", () -> {
              read(takes(filings::get));
              put(filings::put, WRITER);
              delete(filings::delete, WRITER);
            });
          });
        });
        read("suggest", admission.guard(suggest::suggest));
        read("export", admission.guard(export::handle));
        read("feed", admission.guard(feed::handle));
        // What curators keep: reading needs no token, every change needs a curator's.
        path("collections", () -> {
          read(takes(collections::list));
          post(collections::create, WRITER);
          path("{id}", () -> {
            read(takes(admission.guard(collections::get), "offset", "size"));
            patch(collections::update, WRITER);
            delete(collections::delete, WRITER);
            // Refused like every other read's: a developer's q= here was silently ignored (session 43).
            read("export", takes(admission.guard(collectionFiles::export), "format"));
            read("feed", takes(admission.guard(collectionFiles::feed)));
            path("articles", () -> {
              post(collections::add, WRITER);
              delete(collections::remove, WRITER);
              path("{articleId}", () -> {
                patch(collections::updateMember, WRITER);
                delete(collections::remove, WRITER);
              });
            });
          });
        });
        path("saved-searches", () -> {
          read(takes(admission.guard(savedSearches::list)));
          post(savedSearches::create, WRITER);
          path("{id}", () -> {
            read(takes(admission.guard(savedSearches::get)));
            put(savedSearches::replace, WRITER);
            delete(savedSearches::delete, WRITER);
            post("run", admission.guard(savedSearches::run), WRITER);
            read("feed", takes(savedSearches::feed, "size"));
          });
        });
        path("corrections", () -> {
          read(takes(corrections::export, "download"));
          put(corrections::importAll, WRITER);
          path("actors/{name}", () -> {
            read(takes(corrections::getActor));
            put(corrections::putActor, WRITER);
            patch(corrections::patchActor, WRITER);
            delete(corrections::deleteActor, WRITER);
          });
          path("sources/{name}", () -> {
            read(takes(corrections::getSource));
            put(corrections::putSource, WRITER);
            delete(corrections::deleteSource, WRITER);
          });
          path("articles/{id}", () -> {
            read(takes(corrections::getArticle));
            put(corrections::putArticle, WRITER);
            patch(corrections::patchArticle, WRITER);
            delete(corrections::deleteArticle, WRITER);
          });
        });
        path("stories/{storyId}", () -> {
          read(takes(admission.guard(stories::get)));
          path("record", () -> {
            read(takes(stories::getRecord));
            put(stories::putRecord, WRITER);
            delete(stories::deleteRecord, WRITER);
          });
        });
        // Whose a token is: what the page checks when a curator signs in.
        get("curator", takes(curator::whoAmI), WRITER);
        head("curator", takes(curator::whoAmI), WRITER);
        path("changes", () -> {
          read(takes(changes::list, "size", "before", "since", "target"));
          read("export", takes(changes::export));
        });
        read("health", takes(service::health));
        read("stats", takes(service::stats));
        read("openapi.json", takes(service::openApi));
        // What each problem's type means, at the address the type names.
        path("problems", () -> {
          read(takes(problems::list));
          read("{code}", takes(problems::describe));
        });
      }));

      // Errors: every exception becomes a problem answer here, its status decided by its ProblemCode.
      // A refused request is one idea, whether a handler or the search engine found the fault.
      config.routes.exception(BadRequestException.class, MorgueServer::refused);
      config.routes.exception(InvalidQueryException.class, (e, ctx) -> refused(SearchParameters.refused(e), ctx));
      config.routes.exception(LiveIndex.VersionMismatchException.class, (e, ctx) ->
          problem(ctx, ProblemCode.PRECONDITION_FAILED, e.getMessage()));
      config.routes.exception(CurationException.class, (e, ctx) -> answer(ctx, Problem.of(switch (e.kind()) {
        case NOT_FOUND -> ProblemCode.NOT_FOUND;
        case INVALID -> ProblemCode.INVALID_CURATION;
        case CONFLICT -> ProblemCode.CURATION_CONFLICT;
        case STALE_VERSION -> ProblemCode.PRECONDITION_FAILED;
        case VERSION_REQUIRED -> ProblemCode.PRECONDITION_REQUIRED;
      }, e.getMessage(), e.field())));
      config.routes.exception(Freshness.PreconditionFailedException.class, (e, ctx) -> {
        // The validators of the answer not given: a 412 is a problem, not that representation.
        ctx.res().setHeader("ETag", null);
        ctx.res().setHeader("Last-Modified", null);
        problem(ctx, ProblemCode.PRECONDITION_FAILED, e.getMessage());
      });
      config.routes.exception(JsonAnswers.NotAcceptableException.class, (e, ctx) ->
          problem(ctx, ProblemCode.NOT_ACCEPTABLE, e.getMessage()));
      config.routes.exception(SearchAdmission.ServerBusyException.class, (e, ctx) -> {
        ctx.header("Retry-After", Integer.toString(SearchAdmission.RETRY_AFTER_SECONDS));
        problem(ctx, ProblemCode.TOO_MANY_REQUESTS, e.getMessage());
      });
      config.routes.exception(ArchiveGoneException.class, (e, ctx) -> {
        LOG.warn("{} {}: {}{}", ctx.method(), ctx.path(), e.getMessage(), e.getCause() == null ? "" : " (" + e.getCause() + ")");
        // The archive's folder or cluster index is gone: only an operator restores it, so neither
        // Retry-After nor "try again shortly", which told a client to keep sending what no retry can keep.
        problem(ctx, ProblemCode.ARCHIVE_UNAVAILABLE, e.getMessage());
      });
      config.routes.exception(ArchiveUnavailableException.class, (e, ctx) -> {
        LOG.warn("{} {}: {}{}", ctx.method(), ctx.path(), e.getMessage(), e.getCause() == null ? "" : " (" + e.getCause() + ")");
        ctx.header("Retry-After", Integer.toString(ARCHIVE_RETRY_AFTER_SECONDS));
        // The engines word it for the reader (which cluster, gone or not answering, why), keeping class
        // names and credentials out: "cannot answer now" alone left an operator behind a load balancer
        // to find the server's log first.
        problem(ctx, ProblemCode.ARCHIVE_UNAVAILABLE, e.getMessage() + "; try again shortly");
      });
      config.routes.exception(LiveIndex.DiskFullException.class, (e, ctx) -> {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getCause().getMessage());
        problem(ctx, ProblemCode.ARCHIVE_FULL, e.getMessage());
      });
      config.routes.exception(HttpResponseException.class, (e, ctx) -> {
        // Javalin names the detail "Available methods" when the client accepts HTML.
        String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
        if (e.getStatus() == 405 && allowed != null) {
          notRouted(ctx, allowed);
        } else if (e instanceof EndpointNotFound && ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD
            && pageFiles.canHandle(ctx)) {
          // The page and its files are there to read: another method on them is not allowed, not a miss.
          notRouted(ctx, "GET, HEAD");
        } else if (e instanceof EndpointNotFound) {
          // Javalin's message names the method; GET and HEAD must answer the same problem.
          problem(ctx, ProblemCode.NOT_FOUND, "nothing at " + ctx.path());
        } else {
          problem(ctx, ProblemCode.ofStatus(e.getStatus()), e.getMessage());
        }
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        problem(ctx, ProblemCode.INTERNAL, "the server failed to answer; the error is in its log");
      });
      config.routes.error(404, ctx -> {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
          problem(ctx, ProblemCode.NOT_FOUND, "nothing at " + ctx.path());
        }
      });
    });
  }

  /**
   * A read endpoint: GET, and HEAD through the very same handler, so HEAD answers exactly what GET
   * would (status, Content-Type, Content-Length, every header) and Jetty leaves the body out. Without
   * its own HEAD route Javalin answers every HEAD on a GET path with an empty 200, even where GET is a
   * 404 or a 400.
   */
  private static void read(String path, Handler handler) {
    ApiBuilder.get(path, handler);
    ApiBuilder.head(path, handler);
  }

  /**
   * A read that takes only the query parameters named, each once; search, export and feed, which take
   * the search's many parameters, check their own, and related, diff and suggest call the same check.
   */
  private static Handler takes(Handler handler, String... parameters) {
    return ctx -> {
      QueryStrings.only(ctx, parameters);
      handler.handle(ctx);
    };
  }

  /** A read endpoint at the enclosing path itself. */
  private static void read(Handler handler) {
    ApiBuilder.get(handler);
    ApiBuilder.head(handler);
  }

  /** The hand-written OpenAPI description, read once: a missing one is a broken build, not a 404. */
  private static byte[] openApiDocument() {
    try (InputStream in = MorgueServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
    }
  }

  /**
   * A known path asked with a method it has no route for. Plain OPTIONS (a preflight never gets here:
   * Cors answers it) asks which methods the path takes (RFC 9110, 9.3.7), so it is answered 204 with
   * them; any other method is a 405 naming them. Either way Allow lists OPTIONS too, since it is taken.
   */
  private static void notRouted(Context ctx, String routed) {
    String allowed = routed + ", OPTIONS";
    ctx.header("Allow", allowed);
    if (ctx.method() == HandlerType.OPTIONS) {
      ctx.status(204);
      return;
    }
    // HEAD answers what GET would, to the byte count.
    String method = ctx.method() == HandlerType.HEAD ? "GET" : ctx.method().name();
    problem(ctx, ProblemCode.METHOD_NOT_ALLOWED, method + " is not allowed on " + ctx.path() + "; use " + allowed);
  }

  private static void refused(BadRequestException e, Context ctx) {
    answer(ctx, e.problem());
  }

  private static void problem(Context ctx, ProblemCode code, String detail) {
    answer(ctx, Problem.of(code, detail, null));
  }

  private static void answer(Context ctx, Problem problem) {
    ctx.status(problem.status()).json(problem).contentType(Problem.MEDIA_TYPE);
  }

}
