// tools/iotlint/ordered_parallel.h: run independent jobs on several threads, consume them in order.
//
// `iotlint check` analyses files independently, but its report must not depend on scheduling.
// orderedParallelFor computes the results on `jobs` threads, the calling thread among them, and
// hands them to `consume` on the calling thread strictly in index order. Items are taken at most
// `window` ahead of the consumer, so memory stays bounded however many files there are: a result
// is released as soon as it is consumed.
//
// The calling thread produces too, whenever the next result it must consume is not ready: with
// `jobs` threads in all, writing the report never competes for a core with `jobs` producers. A
// thread is woken only when the event it waits for happens (its result is ready, or the window
// moved), not for every result.
//
// A small std::jthread queue rather than a library pool: what matters here is the order and the
// back-pressure, which a plain pool (Boost.Asio's thread_pool, TBB) would still leave to us.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace iotlint::tools {

/// Calls `produce(i)` for every i in [0, count) on `jobs` threads (the calling thread and
/// jobs - 1 others) and `consume(i, result)` on the calling thread in increasing i. With
/// jobs <= 1 everything runs on the calling thread. An exception thrown by `produce` is rethrown
/// from here when its item's turn comes.
template <typename Produce, typename Consume>
void orderedParallelFor(std::size_t count, unsigned jobs, Produce produce, Consume consume) {
  using Result = decltype(produce(std::size_t{0}));
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) consume(i, produce(i));
    return;
  }
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, count));  // no thread without an item to take
  const std::size_t window = 4 * static_cast<std::size_t>(jobs);
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
    bool ready() const { return result.has_value() || error != nullptr; }
  };
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable result_ready;  // the consumer waits for slot `consumed`
  std::condition_variable window_moved;  // producers wait for `next < consumed + window`
  std::size_t next = 0;      // the next item to produce
  std::size_t consumed = 0;  // items handed to `consume` so far
  std::size_t waiting_producers = 0;
  bool stop = false;

  // Produces item i and stores it; wakes the consumer if it is the one it waits for.
  const auto produceInto = [&](std::size_t i) {
    Slot slot;
    try {
      slot.result.emplace(produce(i));
    } catch (...) {
      slot.error = std::current_exception();
    }
    bool wanted = false;
    {
      const std::lock_guard lock(mutex);
      slots[i % window] = std::move(slot);
      wanted = i == consumed;
    }
    if (wanted) result_ready.notify_one();
  };
  const auto work = [&] {
    while (true) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        ++waiting_producers;
        window_moved.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
        --waiting_producers;
        if (stop || next >= count) return;
        i = next++;
      }
      produceInto(i);
    }
  };

  std::vector<std::jthread> workers;
  const auto finish = [&] {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    window_moved.notify_all();
    workers.clear();  // joins
  };
  workers.reserve(jobs - 1);
  for (unsigned t = 1; t < jobs; ++t) workers.emplace_back(work);
  try {
    for (std::size_t i = 0; i < count;) {
      std::unique_lock lock(mutex);
      Slot& ready = slots[i % window];
      if (!ready.ready() && next < count && next < consumed + window) {
        // Nothing to consume yet: produce the next item here rather than wait.
        const std::size_t mine = next++;
        lock.unlock();
        produceInto(mine);
        continue;
      }
      result_ready.wait(lock, [&] { return ready.ready(); });
      Slot slot = std::move(ready);
      ready = Slot{};
      consumed = i + 1;
      const bool wake = waiting_producers > 0;
      lock.unlock();
      if (wake) window_moved.notify_all();
      if (slot.error) std::rethrow_exception(slot.error);
      consume(i, std::move(*slot.result));
      ++i;
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

/// orderedParallelFor for many small items (a policy of an export, ~0.1 ms): they are taken
/// `chunk` at a time, so that threads meet once per chunk rather than once per item, which on two
/// cores left one mostly waiting. `produce(i)` and `consume(i, result)` are called for every item
/// as orderedParallelFor calls them; an exception thrown by `produce` is rethrown when its chunk's
/// turn comes, before the items of the chunk that came before it are consumed.
template <typename Produce, typename Consume>
void orderedParallelForInChunks(std::size_t count, unsigned jobs, std::size_t chunk, Produce produce, Consume consume) {
  using Result = decltype(produce(std::size_t{0}));
  chunk = std::max<std::size_t>(chunk, 1);
  orderedParallelFor(
      (count + chunk - 1) / chunk, jobs,
      [&](std::size_t c) {
        std::vector<Result> results;
        const std::size_t end = std::min(count, (c + 1) * chunk);
        results.reserve(end - c * chunk);
        for (std::size_t i = c * chunk; i < end; ++i) results.push_back(produce(i));
        return results;
      },
      [&](std::size_t c, std::vector<Result> results) {
        for (std::size_t k = 0; k < results.size(); ++k) consume(c * chunk + k, std::move(results[k]));
      });
}

}  // namespace iotlint::tools
