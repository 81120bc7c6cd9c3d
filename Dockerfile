# caas-advisor as a container image: built on Debian 12, run on Debian 12 slim as a non-root user.
#   docker build -t caas-advisor .
#   docker run --rm -v "$PWD:/work" caas-advisor check services/
# The binary is the entrypoint and /work the working folder, so paths on the command line are the mounted ones.
# Without .git in the build context, pass the commit for --version: --build-arg CAAS_COMMIT=$(git rev-parse --short=12 HEAD)

FROM debian:12 AS build
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends g++ cmake ninja-build libyaml-cpp-dev libyaml-dev libcli11-dev \
      nlohmann-json3-dev libfmt-dev libexpected-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
ARG CAAS_COMMIT=""
# One self-contained binary (CAAS_STATIC): the runtime image needs no libraries from apt.
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCAAS_STATIC=ON -DCAAS_TESTS=OFF -DCAAS_BENCH=OFF \
      -DCAAS_DEV=OFF -DCAAS_COMMIT="${CAAS_COMMIT}" \
 && cmake --build /build --target caas-advisor \
 && strip /build/caas-advisor \
 && /build/caas-advisor --version

FROM debian:12-slim
RUN useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin caas \
 && mkdir /work && chown caas:caas /work
COPY --from=build /build/caas-advisor /usr/local/bin/caas-advisor
COPY LICENSE /usr/share/doc/caas-advisor/copyright
USER caas
WORKDIR /work
ENTRYPOINT ["caas-advisor"]
CMD ["--help"]
