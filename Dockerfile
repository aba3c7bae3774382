# One injector of a distributed run (docs/distributed.md): the compiled suite, its dependencies,
# a JRE and Chromium (injector 0 runs the browser probe). The entrypoint runs the simulations
# with Gatling's own main class (what the Maven plugin forks), no Maven at run time, and writes
# to the results volume: /results/<run id>/injector-<index>/gatling/<simulation>-<timestamp>/.
#   docker build -t port8000-perf .
#   docker run -v $PWD/results:/results port8000-perf inject -Dinjector.runId=r1 -Dtarget.url=...

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn .mvn
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY simulations simulations
COPY resources resources
COPY templates templates
# Simulations and profiles are test sources/resources of the project; runtime needs the test
# classpath, so every test-scope dependency is copied beside them.
RUN mvn -B -ntp -q -DskipTests test-compile \
 && mvn -B -ntp -q dependency:copy-dependencies -DincludeScope=test -DoutputDirectory=target/lib

# Debian's own JRE and Chromium: the suite drives /usr/lib/chromium/chromium (DESIGN: Debian's
# chromium package), which Ubuntu-based JRE images only offer as a snap.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless chromium ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WORKDIR /suite
COPY --from=build /src/target/classes classes
COPY --from=build /src/target/test-classes test-classes
COPY --from=build /src/target/lib lib
COPY deploy/suite.sh suite.sh
RUN chmod 755 suite.sh && useradd --uid 10001 --create-home perf && mkdir /results \
 && chown perf /results
USER 10001
VOLUME /results
ENTRYPOINT ["/suite/suite.sh"]
CMD ["inject"]
