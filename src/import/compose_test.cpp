#include <catch2/catch.hpp>

#include "import_test_support.hpp"

using namespace caas::import;
using namespace caas::import::test;

TEST_CASE("compose: each service is a long-running service with its limits", "[import]") {
  const auto result = import_text(R"(services:
  web:
    image: nginx
    deploy:
      resources:
        limits: {cpus: '0.5', memory: 512m}
        reservations: {memory: 256M}
    volumes:
      - ./nginx.conf:/etc/nginx/nginx.conf:ro
  db:
    image: postgres
    mem_limit: 1g
    volumes:
      - db-data:/var/lib/postgresql/data
  cache:
    build: ./cache
    tmpfs: /tmp
volumes:
  db-data: {}
)",
                                  "compose.yaml");
  CHECK(result.format == SpecFormat::compose);
  REQUIRE(result.workloads.size() == 3);
  const auto& web = workload(result, "web");
  CHECK(text_of(web, "kind") == "service");
  CHECK(is_unknown(web, "runs_on"));
  CHECK(number_of(web, "resources.memory") == 512 * k_mib);
  CHECK(provenance(web, "resources.memory").original_key == "services.web.deploy.resources.limits.memory");
  CHECK(number_of(web, "resources.cpu") == 0.5);
  CHECK(text_of(web, "package.type") == "image");
  CHECK(is_unknown(web, "state.local_storage"));
  const auto& db = workload(result, "db");
  CHECK(number_of(db, "resources.memory") == 1024 * k_mib);
  CHECK(text_of(db, "state.local_storage") == "persistent");
  CHECK(is_unknown(db, "state.inter_container"));
  const auto& cache = workload(result, "cache");
  CHECK(text_of(cache, "package.type") == "image");
  CHECK(text_of(cache, "state.local_storage") == "scratch");
}

TEST_CASE("compose: anchors, merge keys and x- fields", "[import]") {
  const auto result = import_text(R"(x-common: &common
  image: app:1
  mem_limit: 2g
  privileged: true
services:
  a:
    <<: *common
    mem_limit: 1g
  b:
    <<: *common
    network_mode: host
)");
  REQUIRE(result.workloads.size() == 2);
  const auto& a = workload(result, "a");
  CHECK(number_of(a, "resources.memory") == 1024 * k_mib);
  CHECK(a.profile.flag("operations.os_control"));
  CHECK(text_of(a, "package.type") == "image");
  const auto& b = workload(result, "b");
  CHECK(number_of(b, "resources.memory") == 2048 * k_mib);
  CHECK(provenance(b, "operations.os_control").original_key == "services.b.privileged");
}

TEST_CASE("compose: GPU device reservations, with count all imported as 1 and a warning", "[import]") {
  const auto result = import_text(R"(services:
  train:
    image: trainer
    deploy:
      resources:
        reservations:
          devices:
            - {driver: nvidia, count: 2, capabilities: [gpu]}
  infer:
    image: infer
    deploy:
      resources:
        reservations:
          devices:
            - capabilities: [gpu]
              count: all
)");
  CHECK(number_of(workload(result, "train"), "resources.gpu") == 2);
  const auto& infer = workload(result, "infer");
  CHECK(number_of(infer, "resources.gpu") == 1);
  CHECK(has_warning(infer, "all of the host's GPUs"));
}
