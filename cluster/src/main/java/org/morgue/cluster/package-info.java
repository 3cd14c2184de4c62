/**
 * A real local OpenSearch cluster for development and tests: {@link org.morgue.cluster.ClusterCommand}
 * ({@code ./morgue cluster}) runs one in its own JVM on top of {@link org.morgue.cluster.LocalCluster},
 * and {@link org.morgue.cluster.ClusterProcess} starts that command as a child process for tests in
 * other modules.
 *
 * <p>Must not depend on any Morgue module: OpenSearch brings its own Lucene (10.5 for OpenSearch
 * 3.8), older than Morgue's, and the two must never share a classpath. That is also why
 * {@link org.morgue.cluster.ClusterProcess} and {@link org.morgue.cluster.ClusterProxy} (a proxy in
 * front of a test cluster that counts requests and can stop answering) use the JDK alone: they are
 * the classes other modules put on their test classpath.
 */
package org.morgue.cluster;
