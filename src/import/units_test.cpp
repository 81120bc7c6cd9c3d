#include <catch2/catch.hpp>

#include "units.hpp"

using namespace caas::import;

TEST_CASE("import units: Lambda sizes are MiB, written bare or with MB", "[import]") {
  CHECK(lambda_megabytes("1536") == 1536.0 * 1024 * 1024);
  CHECK(lambda_megabytes("1536MB") == 1536.0 * 1024 * 1024);
  CHECK_FALSE(lambda_megabytes("1.5GB").has_value());
  CHECK_FALSE(lambda_megabytes("big").has_value());
}

TEST_CASE("import units: Kubernetes quantities in binary and decimal suffixes", "[import]") {
  CHECK(kubernetes_bytes("128Mi") == 128.0 * 1024 * 1024);
  CHECK(kubernetes_bytes("1Gi") == 1024.0 * 1024 * 1024);
  CHECK(kubernetes_bytes("129M") == 129e6);
  CHECK(kubernetes_bytes("129e6") == 129e6);
  CHECK(kubernetes_bytes("128974848") == 128974848.0);
  CHECK_FALSE(kubernetes_bytes("12 parsecs").has_value());
  CHECK(kubernetes_cpu("500m") == 0.5);
  CHECK(kubernetes_cpu("2") == 2.0);
  CHECK(kubernetes_cpu("0.25") == 0.25);
}

TEST_CASE("import units: docker sizes are binary and case-insensitive", "[import]") {
  CHECK(docker_bytes("512m") == 512.0 * 1024 * 1024);
  CHECK(docker_bytes("512M") == 512.0 * 1024 * 1024);
  CHECK(docker_bytes("1gb") == 1024.0 * 1024 * 1024);
  CHECK(docker_bytes("2048") == 2048.0);
}

TEST_CASE("import units: ECS CPU units and memory strings", "[import]") {
  CHECK(ecs_cpu("256") == 0.25);
  CHECK(ecs_cpu("1 vCPU") == 1.0);
  CHECK(ecs_memory("512") == 512.0 * 1024 * 1024);
  CHECK(ecs_memory("2 GB") == 2.0 * 1024 * 1024 * 1024);
}

TEST_CASE("import units: runs per month of rate, AWS cron and Unix cron schedules", "[import]") {
  CHECK(runs_per_month("rate(1 minute)") == Approx(43800));
  CHECK(runs_per_month("rate(2 hours)") == Approx(365));
  CHECK(runs_per_month("cron(0 12 * * ? *)") == Approx(730.0 / 24));
  CHECK(runs_per_month("*/5 * * * *") == Approx(12 * 730));
  CHECK(runs_per_month("0 3 * * 1-5") == Approx(5 * 730.0 / 24 / 7));
  CHECK(runs_per_month("@hourly") == Approx(730));
  CHECK(runs_per_month("0 0 1 * *") == Approx(1));
  CHECK_FALSE(runs_per_month("whenever").has_value());
  CHECK_FALSE(runs_per_month("rate(5 fortnights)").has_value());
}
