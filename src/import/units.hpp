#pragma once
// The units each format writes sizes, CPU and schedules in, read into the profile's canonical units (bytes, vCPUs,
// seconds, runs per month). Each returns nullopt for text it does not recognise; the caller reports it.
#include <optional>
#include <string_view>

namespace caas::import {

// Lambda memory and storage sizes: "1536" or "1536MB", in MiB as AWS means MB. Bytes.
std::optional<double> lambda_megabytes(std::string_view text);

// Kubernetes quantities: "128974848", "129e6", "129M", "123Mi", "1Gi", "500k". Bytes.
std::optional<double> kubernetes_bytes(std::string_view text);

// Kubernetes CPU: "500m", "2", "0.5". vCPUs.
std::optional<double> kubernetes_cpu(std::string_view text);

// Docker sizes: "512m", "1g", "1gb", "300M", "1024" (bytes); units are binary and case-insensitive. Bytes.
std::optional<double> docker_bytes(std::string_view text);

// ECS task and container CPU: "256" CPU units (1024 a vCPU) or "1 vCPU". vCPUs.
std::optional<double> ecs_cpu(std::string_view text);

// ECS memory: "512" (MiB) or "2 GB" (GiB, as AWS means GB). Bytes.
std::optional<double> ecs_memory(std::string_view text);

// A whole number of seconds, as Lambda timeouts and Kubernetes deadlines are written: "30". Seconds.
std::optional<double> plain_seconds(std::string_view text);

// Runs per month of a schedule: AWS `rate(5 minutes)` and `cron(0 12 * * ? *)`, or a five-field Unix cron
// ("*/5 * * * *", "@hourly") as Kubernetes writes it. Averaged over a 730-hour month.
std::optional<double> runs_per_month(std::string_view schedule);

// Runs per month as a workload file writes a count: a whole number, at least 1.
double whole_runs(double runs);

}  // namespace caas::import
