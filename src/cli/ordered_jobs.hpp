#pragma once
// The batch's scheduler: evaluates jobs 0..count-1 on `threads` threads and hands each result to the caller, on the
// calling thread, strictly in job order — so a batch's output is the same for any -j (private to the cli module).
//
// -j N is N threads in all: N - 1 workers evaluate jobs, and the calling thread consumes results in order,
// evaluating the next free job itself whenever the result it must consume next is not ready (so it is never idle,
// and never a third thread on two cores). Workers run at most `window` jobs ahead of the consumer, so memory stays
// flat however many jobs there are. A result is destroyed on the thread that made it: a consumed result goes back to
// its worker, which frees it before its next job (each thread has its own malloc arena, and freeing into another
// thread's arena is slow), and workers wait at the end until all of theirs are back.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace caas::cli {

struct OrderedLimits {
  int threads = 1;           // in all, the calling thread included
  std::size_t window = 512;  // how far evaluation may run ahead of consumption
};

// `evaluate(index)` returns a Result and must not throw; `consume(index, Result&)` is called in index order on the
// calling thread (an exception from it stops the workers and is rethrown once they are joined).
template <class Result, class Evaluate, class Consume>
void run_ordered(std::size_t count, const OrderedLimits& limits, Evaluate&& evaluate, Consume&& consume) {
  const auto threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(limits.threads, 1)), count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      Result result = evaluate(i);
      consume(i, result);
    }
    return;
  }
  const std::size_t window = std::max<std::size_t>(limits.window, 1);
  const std::size_t workers = threads - 1;
  const std::size_t by_consumer = workers;  // the maker index of the calling thread

  struct Slot {
    std::optional<Result> result;
    std::size_t maker = 0;
  };
  std::vector<Slot> ring(window);
  std::vector<std::vector<Result>> returned(workers);  // consumed results, by the worker that made them
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next_to_take = 0;
  std::size_t next_to_consume = 0;
  bool done = false;  // every result is consumed (or the consumer gave up): workers free theirs and leave

  auto can_take = [&] { return next_to_take < count && next_to_take < next_to_consume + window; };
  auto store = [&](std::size_t index, Result result, std::size_t maker) {
    {
      std::lock_guard lock(mutex);
      ring[index % window].result.emplace(std::move(result));
      ring[index % window].maker = maker;
    }
    changed.notify_all();
  };
  auto work = [&](std::size_t self) {
    std::vector<Result> to_free;
    for (;;) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return can_take() || next_to_take >= count; });
        to_free.swap(returned[self]);
        if (next_to_take >= count) break;
        index = next_to_take++;
      }
      to_free.clear();
      store(index, evaluate(index), self);
    }
    to_free.clear();
    // No job left: this worker's results still being consumed come back here to be freed.
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return done || !returned[self].empty(); });
      to_free.swap(returned[self]);
      const bool finished = done && returned[self].empty();
      lock.unlock();
      to_free.clear();
      lock.lock();
      if (finished && returned[self].empty()) return;
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(work, w);
  auto finish = [&] {
    {
      std::lock_guard lock(mutex);
      next_to_take = count;
      done = true;
    }
    changed.notify_all();
    for (auto& thread : pool) thread.join();
  };

  try {
    for (std::size_t i = 0; i < count;) {
      std::optional<Result> result;
      std::size_t maker = by_consumer;
      std::optional<std::size_t> own;
      {
        std::unique_lock lock(mutex);
        auto& slot = ring[i % window];
        if (!slot.result && !can_take()) changed.wait(lock, [&] { return slot.result.has_value(); });
        if (slot.result) {
          result = std::move(slot.result);
          slot.result.reset();
          maker = slot.maker;
          next_to_consume = i + 1;
        } else {
          own = next_to_take++;
        }
      }
      if (own) {
        store(*own, evaluate(*own), by_consumer);
        continue;
      }
      changed.notify_all();  // the window moved on
      consume(i, *result);
      ++i;
      if (maker != by_consumer) {
        bool ending = false;  // the workers wait for their results only once every job is taken
        {
          std::lock_guard lock(mutex);
          returned[maker].push_back(std::move(*result));
          ending = next_to_take >= count;
        }
        if (ending) changed.notify_all();
      }
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

}  // namespace caas::cli
