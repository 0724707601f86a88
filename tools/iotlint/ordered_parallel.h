// tools/iotlint/ordered_parallel.h: run independent jobs on several threads, consume them in order.
//
// `iotlint check` analyses files independently, but its report must not depend on scheduling.
// orderedParallelFor computes the results on worker threads and hands them to the calling thread
// strictly in index order. Workers run at most `window` items ahead of the consumer, so memory
// stays bounded however many files there are: a result is released as soon as it is consumed.
// A small std::jthread queue rather than a library pool: what matters here is the order and the
// back-pressure, which a plain pool (Boost.Asio's thread_pool, TBB) would still leave to us.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace iotlint::tools {

/// Calls `produce(i)` for every i in [0, count) on `jobs` threads and `consume(i, result)` on the
/// calling thread in increasing i. With jobs <= 1 everything runs on the calling thread. An
/// exception thrown by `produce` is rethrown from here when its item's turn comes.
template <typename Produce, typename Consume>
void orderedParallelFor(std::size_t count, unsigned jobs, Produce produce, Consume consume) {
  using Result = decltype(produce(std::size_t{0}));
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) consume(i, produce(i));
    return;
  }
  const std::size_t window = 4 * static_cast<std::size_t>(jobs);
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
  };
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;      // the next item a worker takes
  std::size_t consumed = 0;  // items handed to `consume` so far
  bool stop = false;

  const auto work = [&] {
    while (true) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
        if (stop || next >= count) return;
        i = next++;
      }
      Slot slot;
      try {
        slot.result.emplace(produce(i));
      } catch (...) {
        slot.error = std::current_exception();
      }
      {
        const std::lock_guard lock(mutex);
        slots[i % window] = std::move(slot);
      }
      changed.notify_all();
    }
  };

  std::vector<std::jthread> workers;
  const auto finish = [&] {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    workers.clear();  // joins
  };
  workers.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) workers.emplace_back(work);
  try {
    for (std::size_t i = 0; i < count; ++i) {
      Slot slot;
      {
        std::unique_lock lock(mutex);
        Slot& ready = slots[i % window];
        changed.wait(lock, [&] { return ready.result.has_value() || ready.error != nullptr; });
        slot = std::move(ready);
        ready = Slot{};
        consumed = i + 1;
      }
      changed.notify_all();
      if (slot.error) std::rethrow_exception(slot.error);
      consume(i, std::move(*slot.result));
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

}  // namespace iotlint::tools
